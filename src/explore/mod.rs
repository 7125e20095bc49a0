//! From the bundle and the reader's choices to what the screen shows.
//!
//! Everything here is pure: components and charts read the views built here and compute
//! nothing of their own, so every number on screen is tested natively.
//!
//! - [`overview`]: the trial at a glance (first screen).
//! - [`selection`]: the reader's choices; [`resolve`]: checked against the bundle.
//! - [`view`]: [`compute`], one view per endpoint: [`response`] (Kaplan–Meier),
//!   [`continuous`] (CD4, CD8, ratio), [`proportions`] (response by week), [`safety`].
//! - [`statistics`]: every test and estimate of a view as lines for the statistics panel.
//! - [`shown`], [`estimate`], [`table`], [`notice`]: what a view is made of.

pub mod binary;
pub mod continuous;
mod continuous_tables;
pub mod data;
pub mod estimate;
pub mod notice;
pub mod overview;
pub mod proportions;
pub mod published;
pub mod resolve;
pub mod response;
mod response_tables;
pub mod safety;
pub mod selection;
pub mod shown;
pub mod statistics;
pub mod survival;
pub mod table;
pub mod view;

pub use binary::{CountComparison, ResponderCount};
pub use continuous::{
    ArmSeries, BetweenArmsTest, ContinuousView, GivenSummary, MeanSummary, VisitSummary, WithinArmTest,
};
pub use data::{dataset_choices, set_aside_dataset, switch_endpoint, DataSource};
pub use estimate::Estimate;
pub use notice::{Notice, NoticeKind};
pub use overview::{overview, ArmRow, Overview};
pub use proportions::{ArmProportion, CountSource, ProportionComparison, ProportionsView};
pub use resolve::{ArmRef, VisitRef};
pub use response::{
    ArmCurve, EnsembleCurve, EnsembleSpread, PublishedMark, ResponseComparison, ResponseView, RiskCell,
    RiskRow, RiskTable,
};
pub use safety::SafetyView;
pub use selection::{arm_set, CiLevel, EndpointChoice, Selection};
pub use shown::Shown;
pub use statistics::{no_statistics_reason, published_findings, statistics, StatLine};
pub use survival::{CensorMark, Curve, CurveStep};
pub use table::{Cell, TextTable};
pub use view::{compute, compute_with_ensemble, View, ViewBody};
