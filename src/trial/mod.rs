//! The trial bundle: what was published, with the provenance of every number.
