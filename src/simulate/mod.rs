//! The simulation lab: replay the trial many times under an assumed effect and look at the
//! spread of log-rank P values, the power at a chosen α, and where the published P falls.
//!
//! Responses are detected at visits, so a simulated patient responds at a visit week or is
//! censored at the last visit; the log-rank test then runs on the visit × arm count table,
//! which gives exactly the statistic of `stats::logrank::log_rank` on the same records (a test
//! checks this) at a fraction of the cost. Work is done in chunks so that the page stays
//! responsive and a run can be cancelled between chunks.

pub mod model;
pub mod run;
pub mod settings;
pub mod table_log_rank;

pub use model::{models_for, published_comparison, ArmModel, PublishedComparison, Scenario};
pub use run::{SimulationSpec, SimulationSummary, Simulator, MAX_TRIALS};
pub use settings::{read_control_percent, read_hazard_ratio};
pub use table_log_rank::table_log_rank_p;
