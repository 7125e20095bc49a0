//! Pseudo-patient data that satisfy every published constraint at once.
//!
//! No patient-level data of the trial are published. To draw curves and recompute tests the
//! app makes pseudo-patients by a documented, deterministic procedure: the same bundle and
//! seed give the same data, byte for byte, natively and in the browser. Every dataset is
//! tagged `Provenance::Reconstructed { method, seed }`, its method text naming the published
//! facts it satisfies and the illustrative assumptions it makes.
//!
//! - [`targets`]: the constraints, read from the bundle (arm sizes, published probabilities,
//!   P values and their rounding, eligibility, statements);
//! - [`response`]: times to response for the arms with a published probability;
//! - [`markers`]: CD4, CD8 and CD4/CD8 per patient and visit; [`checks`] tests a draw;
//! - [`method`]: the provenance texts; [`rng`]: the portable generator.
//!
//! Each part draws from its own stream of the seed, and a draw that fails a check is
//! replaced by the next draw of the same stream, so the result depends on the seed alone.

pub mod checks;
pub mod error;
pub mod markers;
pub mod method;
pub mod response;
pub mod rng;
pub mod targets;

pub use error::ReconstructError;
pub use response::ResponseDraw;
pub use targets::Targets;

use crate::trial::{validate, Bundle, EventDataset, Measurement, MeasurementDataset, Provenance};
use markers::{draw_markers, ArmMarkers, MARKER_STREAM};
use response::draw_response;
use rng::Rng;
use targets::{CD4, CD8, RATIO, RESPONSE};

/// The seed of the reconstruction the app shows by default (the trial's registry number).
pub const DEFAULT_SEED: u64 = 1_213_186;

/// Draws of all cell counts before the reconstruction gives up.
pub const MAX_MARKER_DRAWS: u32 = 1_000;

/// The name validation errors of a reconstructed bundle carry.
const RECONSTRUCTION: &str = "reconstruction";

/// Ids of the reconstructed datasets.
pub const RESPONSE_DATASET: &str = "reconstructed-response";
pub const CD4_DATASET: &str = "reconstructed-cd4";
pub const CD8_DATASET: &str = "reconstructed-cd8";
pub const RATIO_DATASET: &str = "reconstructed-cd4_cd8_ratio";

/// A copy of `bundle` whose patient data hold a reconstruction for `seed`: response times for
/// the arms with a published response probability, and CD4, CD8 and CD4/CD8 for every
/// patient at every visit. Earlier reconstructed datasets are replaced; imported ones are kept,
/// after the reconstructed ones.
///
/// ```
/// use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
/// use trial_explorer::trial::default_bundle;
///
/// let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
/// assert_eq!(bundle.patient_data.time_to_event[0].records.len(), 48); // low and placebo
/// assert_eq!(bundle.patient_data.continuous[0].records.len(), 72 * 9); // every patient and visit
/// ```
pub fn reconstruct(bundle: &Bundle, seed: u64) -> Result<Bundle, ReconstructError> {
    let targets = Targets::from_bundle(bundle)?;
    let response = response_dataset(&targets, &method::response_method(&targets), seed, RESPONSE_DATASET)?;
    let markers = draw_checked_markers(&targets, seed)?;

    let mut out = bundle.clone();
    let data = &mut out.patient_data;
    let reconstructed = |p: &Provenance| matches!(p, Provenance::Reconstructed { .. });
    data.time_to_event.retain(|d| !reconstructed(&d.provenance));
    data.continuous.retain(|d| !reconstructed(&d.provenance));
    data.time_to_event.insert(0, response);
    let continuous = [
        (CD4_DATASET, CD4, method::cd4_method(&targets)),
        (CD8_DATASET, CD8, method::cd8_method(&targets)),
        (RATIO_DATASET, RATIO, method::ratio_method(&targets)),
    ];
    for (k, (id, endpoint, method)) in continuous.into_iter().enumerate() {
        let provenance = Provenance::Reconstructed { method, seed };
        data.continuous.insert(k, measurement_dataset(&targets, &markers, id, endpoint, provenance));
    }
    validate(&out, RECONSTRUCTION).map_err(ReconstructError::Bundle)?;
    Ok(out)
}

/// The response datasets of many seeds, for the ensemble the explorer overlays to show how
/// much the abstract leaves open. The dataset of a seed holds the same records as the
/// response dataset of [`reconstruct`] for that seed; its id ends in the seed.
///
/// ```
/// use trial_explorer::reconstruct::response_ensemble;
/// use trial_explorer::trial::default_bundle;
///
/// let ensemble = response_ensemble(&default_bundle().unwrap(), 0..3).unwrap();
/// assert_eq!(ensemble[2].id, "reconstructed-response-seed-2");
/// ```
pub fn response_ensemble(
    bundle: &Bundle,
    seeds: impl Iterator<Item = u64>,
) -> Result<Vec<EventDataset>, ReconstructError> {
    let targets = Targets::from_bundle(bundle)?;
    let method = method::response_method(&targets);
    seeds
        .map(|seed| response_dataset(&targets, &method, seed, &format!("{RESPONSE_DATASET}-seed-{seed}")))
        .collect()
}

fn response_dataset(
    targets: &Targets,
    method: &str,
    seed: u64,
    id: &str,
) -> Result<EventDataset, ReconstructError> {
    let draw = draw_response(targets, seed)?;
    Ok(EventDataset {
        id: id.to_string(),
        endpoint: RESPONSE.to_string(),
        provenance: Provenance::Reconstructed { method: method.to_string(), seed },
        records: draw.records,
    })
}

/// Cell counts for `seed` that pass every check, drawn again until they do.
fn draw_checked_markers(targets: &Targets, seed: u64) -> Result<Vec<ArmMarkers>, ReconstructError> {
    let mut rng = Rng::stream(seed, MARKER_STREAM);
    let mut last_failure = String::new();
    for _ in 0..MAX_MARKER_DRAWS {
        let markers = draw_markers(targets, &mut rng)?;
        match checks::check_markers(targets, &markers) {
            Ok(()) => return Ok(markers),
            Err(failure) => last_failure = failure,
        }
    }
    Err(ReconstructError::Exhausted { what: last_failure, attempts: MAX_MARKER_DRAWS })
}

fn measurement_dataset(
    targets: &Targets,
    arms: &[ArmMarkers],
    id: &str,
    endpoint: &str,
    provenance: Provenance,
) -> MeasurementDataset {
    let mut records = Vec::new();
    for arm in arms {
        for (patient, row) in arm.patients.iter().zip(arm.values(endpoint)) {
            for (visit, &value) in targets.visits.iter().zip(row) {
                records.push(Measurement {
                    arm: arm.arm.clone(),
                    patient: patient.clone(),
                    visit: visit.id.clone(),
                    value,
                });
            }
        }
    }
    MeasurementDataset { id: id.to_string(), endpoint: endpoint.to_string(), provenance, records }
}
