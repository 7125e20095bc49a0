//! A file as the reader picked it: its bytes, its name and, for a CSV, the endpoint chosen for
//! it. The name says what it holds: a `.json` file is a bundle, anything else a CSV.

use super::encoding::decode_utf8;
use super::error::ImportError;
use super::json::import_bundle_json;
use super::limits::check_bytes;
use super::patient_csv::import_patient_csv;
use crate::trial::bundle::Bundle;

/// Merge the file `bytes`, named `file`, into `bundle`, giving a new bundle: a JSON bundle by
/// its name, otherwise a patient-level CSV for `endpoint`. Bytes that are not UTF-8 are refused
/// at the first such byte, before anything else is read.
pub fn import_file(bundle: &Bundle, bytes: &[u8], file: &str, endpoint: &str) -> Result<Bundle, ImportError> {
    check_bytes(bytes.len(), file)?;
    let text = decode_utf8(bytes, file)?;
    if file.to_ascii_lowercase().ends_with(".json") {
        import_bundle_json(bundle, text, file)
    } else {
        import_patient_csv(bundle, text, file, endpoint)
    }
}
