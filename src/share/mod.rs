//! Sharing a view: the whole page state as a URL query, read back safely from any link; the
//! current chart as SVG and tables as CSV (and as HTML, for the page); citations of the paper
//! and of the view.
//!
//! Pure and web-free like the rest of the core; the UI only reads and writes
//! `location.search`. A link can come from anywhere, so reading never fails: what cannot be
//! used falls back to the default and is named in a notice.

pub mod citation;
pub mod export_csv;
pub mod export_svg;
pub mod header_html;
pub mod html;
pub mod page_state;
pub mod permalink;
pub mod query;
pub mod simulation_html;

pub use citation::{citation, figure_source, Citation};
pub use export_csv::tables_csv;
pub use export_svg::{exported_svg, view_svg, EXPORT_SIZE, PNG_SCALE};
pub use html::{
    added_notices, claims_html, items_html, missing_arms_html, notices_html, numbers_html, readout_html,
    readout_words, safety_html, statistics_html, tables_html, READOUT_HINT_HTML,
};
pub use page_state::PageState;
pub use permalink::{from_query, link_leaves_behind, names_view, to_query, MAX_QUERY_LEN};
pub use simulation_html::simulation_html;
