//! Drawing functions, generic over plotters' `DrawingBackend`: the page draws on a canvas,
//! exports and native tests draw the same function into SVG. They draw a view; they never
//! compute a statistic.

pub mod allocation;
pub mod error;
pub mod palette;

pub use allocation::draw_allocation;
pub use error::ChartError;
pub use palette::{arm_style, ArmStyle};
