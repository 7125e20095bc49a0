//! The at-risk table under a survival chart: one row per arm, one cell per tick, each number
//! centred under its tick so that the table reads against the x axis.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{drawing, ChartError};
use super::palette::arm_style;
use super::response::{ResponseChart, RISK_ROW_HEIGHT};
use crate::explore::RiskTable;

/// Draw `table` in `area` (below the chart), aligned with `chart`'s x axis.
pub fn draw_at_risk<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ResponseChart<'_, DB>,
    table: &RiskTable,
) -> Result<(), ChartError> {
    let base = area.get_base_pixel();
    let plot_left = chart.backend_coord(&(0.0, 0.0)).0 - base.0;
    let heading = ("sans-serif", 13).into_font().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
    let row_height = RISK_ROW_HEIGHT as i32;
    area.draw(&Text::new("Number at risk", (12, row_height / 2), heading)).map_err(drawing)?;
    for (i, row) in table.rows.iter().enumerate() {
        let y = row_height * (i as i32 + 1) + row_height / 2;
        let style = arm_style(&row.arm.id);
        let label =
            ("sans-serif", 12).into_font().color(&style.color).pos(Pos::new(HPos::Right, VPos::Center));
        area.draw(&Text::new(row.arm.label.clone(), (plot_left - 14, y), label)).map_err(drawing)?;
        for cell in &row.cells {
            let x = chart.backend_coord(&(f64::from(cell.week), 0.0)).0 - base.0;
            let number =
                ("sans-serif", 12).into_font().color(&BLACK).pos(Pos::new(HPos::Center, VPos::Center));
            area.draw(&Text::new(cell.at_risk.to_string(), (x, y), number)).map_err(drawing)?;
        }
    }
    Ok(())
}
