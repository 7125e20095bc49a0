//! Drawing functions through plotters, onto one backend: the hand-written SVG of [`svg`], which
//! strokes a dashed line as one path. The page shows the SVG inline, the exports save it (or
//! rasterise it for PNG), and native tests read it. They draw a view; they never
//! compute a statistic. A `ChartStyle` says how (type size, line width, light or dark paper).

pub mod allocation;
pub mod at_risk;
pub mod describe;
pub mod error;
pub mod frame;
mod legend;
pub mod lines;
mod marks;
pub mod means;
pub mod palette;
pub mod proportions;
pub mod response;
pub mod style;
pub mod svg;

pub use allocation::draw_allocation;
pub use describe::text_alternative;
pub use error::ChartError;
pub use frame::{
    fitted_size, presentation_size, wrap, FITTED_MIN_WIDTH, FITTED_STEP, PHONE_SIZE, PRESENTATION_MIN_SIZE,
    PRESENTATION_SIZE, SCREEN_SIZE,
};
pub use means::{draw_means, means_caption};
pub use palette::{arm_ink, arm_style, ArmInk, ArmStyle, ARM_INKS};
pub use proportions::{draw_proportions, proportions_caption};
pub use response::{draw_ensemble, draw_response, plot_span, response_caption, week_at, ResponseChart};
pub use style::{contrast_ratio, ChartStyle, Theme};
pub use svg::{svg_document, ChartBackend, SvgBackend};
