//! The panels that render the current view: chart with its data tables, notices,
//! statistics, safety statements, the claims check and the reader's own data.

mod chart;
mod claims;
mod data_tables;
mod export;
mod import;
mod notices;
mod safety;
mod simulation;
mod statistics;
mod walkthrough;

pub use chart::MainChart;
pub use claims::ClaimsPanel;
pub use data_tables::DataTables;
pub use export::ExportPanel;
pub use import::ImportPanel;
pub use notices::NoticesPanel;
pub use safety::SafetyStatements;
pub use simulation::SimulationPanel;
pub use statistics::StatisticsPanel;
pub use walkthrough::{go_to_step, WalkthroughPanel};
