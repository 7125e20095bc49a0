//! The at-risk table under a survival chart: one row per arm, one cell per tick, each number
//! centred under its tick so that the table reads against the x axis.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{drawing, ChartError};
use super::response::{ResponseChart, RISK_ROW_HEIGHT};
use super::style::ChartStyle;
use crate::explore::RiskTable;
use crate::trial::Provenance;

/// Draw `table` in `area` (below the chart), aligned with `chart`'s x axis. The heading names
/// the kind of data counted (`data`, "reconstructed"), as the legend does for the curves: the
/// counts are no more published than the curves are. Not the file's name, which the legend
/// gives and which could run past the drawing's edge here.
pub fn draw_at_risk<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ResponseChart<'_, DB>,
    table: &RiskTable,
    data: Option<&Provenance>,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let base = area.get_base_pixel();
    let plot_left = chart.backend_coord(&(0.0, 0.0)).0 - base.0;
    let heading = style.font(13).pos(Pos::new(HPos::Left, VPos::Center));
    let row_height = style.px(RISK_ROW_HEIGHT) as i32;
    let title = match data {
        Some(data) => format!("Number at risk ({} data)", data.label()),
        None => "Number at risk".to_string(),
    };
    area.draw(&Text::new(title, (style.offset(12), row_height / 2), heading)).map_err(drawing)?;
    for (i, row) in table.rows.iter().enumerate() {
        let y = row_height * (i as i32 + 1) + row_height / 2;
        let arm = style.arm(&row.arm.id);
        let label = style.font_in(12, arm.text).pos(Pos::new(HPos::Right, VPos::Center));
        area.draw(&Text::new(row.arm.label.clone(), (plot_left - style.offset(14), y), label))
            .map_err(drawing)?;
        for cell in &row.cells {
            let x = chart.backend_coord(&(f64::from(cell.week), 0.0)).0 - base.0;
            let number = style.font(12).pos(Pos::new(HPos::Center, VPos::Center));
            area.draw(&Text::new(cell.at_risk.to_string(), (x, y), number)).map_err(drawing)?;
        }
    }
    Ok(())
}
