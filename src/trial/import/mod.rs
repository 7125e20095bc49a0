//! The reader's own data: a JSON bundle, or patient-level CSV.
//!
//! Everything here is a pure function from the loaded bundle and some text to a new bundle
//! or an error; a failed import leaves the loaded bundle as it was. Imported values get
//! `Provenance::Imported { file }` whatever the file says about them: the app cannot vouch
//! for a reader's digitisation, so it never shows one as published. Importing a file again
//! under the same name replaces what the earlier import of that name brought in.

mod csv_fields;
mod encoding;
mod error;
mod file;
mod help;
mod json;
mod limits;
mod merge;
mod patient_csv;

pub use error::ImportError;
pub use file::import_file;
pub use help::csv_help;
pub use json::import_bundle_json;
pub use limits::{MAX_BYTES, MAX_ROWS};
pub use merge::{imported_files, loaded_message, refused_message, remove_import};
pub use patient_csv::{
    import_patient_csv, read_patient_csv, ImportedData, EVENT_COLUMNS, MEASUREMENT_COLUMNS,
};
