//! Size caps: the app runs in a browser tab, and a file far larger than any trial's data is
//! more likely a wrong file than a dataset.

use super::error::ImportError;

/// The largest text accepted: 20 MB.
pub const MAX_BYTES: usize = 20_000_000;
/// The most patient rows accepted in one file.
pub const MAX_ROWS: usize = 1_000_000;

pub(super) fn check_bytes(bytes: usize, file: &str) -> Result<(), ImportError> {
    if bytes > MAX_BYTES {
        return Err(ImportError::TooLarge { file: file.to_string(), bytes });
    }
    Ok(())
}

pub(super) fn check_rows(rows: usize, file: &str) -> Result<(), ImportError> {
    if rows > MAX_ROWS {
        return Err(ImportError::TooManyRows { file: file.to_string(), rows });
    }
    Ok(())
}
