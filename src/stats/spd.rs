//! Small symmetric positive-definite systems (the log-rank variance block, the Cox
//! information matrix), solved by Cholesky so that a singular matrix is detected rather than
//! divided by.

/// Relative pivot tolerance, R's `toler.chol` (`eps^0.75`).
const PIVOT_TOLERANCE: f64 = 1.818_989_403_545_856_5e-12;

/// Lower-triangular Cholesky factor of the row-major `dim × dim` matrix `a`,
/// or `None` if `a` is not (numerically) positive definite.
fn cholesky(a: &[f64], dim: usize) -> Option<Vec<f64>> {
    let scale = (0..dim).map(|i| a[i * dim + i].abs()).fold(0.0, f64::max);
    let mut l = vec![0.0; dim * dim];
    for j in 0..dim {
        let mut pivot = a[j * dim + j];
        for k in 0..j {
            pivot -= l[j * dim + k] * l[j * dim + k];
        }
        if pivot.is_nan() || pivot <= PIVOT_TOLERANCE * scale {
            return None;
        }
        let pivot = pivot.sqrt();
        l[j * dim + j] = pivot;
        for i in j + 1..dim {
            let mut s = a[i * dim + j];
            for k in 0..j {
                s -= l[i * dim + k] * l[j * dim + k];
            }
            l[i * dim + j] = s / pivot;
        }
    }
    Some(l)
}

/// Solves `L Lᵀ x = b` in place.
fn substitute(l: &[f64], dim: usize, x: &mut [f64]) {
    for i in 0..dim {
        let mut s = x[i];
        for k in 0..i {
            s -= l[i * dim + k] * x[k];
        }
        x[i] = s / l[i * dim + i];
    }
    for i in (0..dim).rev() {
        let mut s = x[i];
        for k in i + 1..dim {
            s -= l[k * dim + i] * x[k];
        }
        x[i] = s / l[i * dim + i];
    }
}

/// Solves `a x = b` for a symmetric positive-definite `a`; `None` if `a` is singular.
pub(crate) fn solve(a: &[f64], b: &[f64]) -> Option<Vec<f64>> {
    let dim = b.len();
    if dim == 1 {
        // Scalar case written as R's solve() computes it, so results match to the last bit.
        return (a[0] > 0.0).then(|| vec![b[0] / a[0]]);
    }
    let l = cholesky(a, dim)?;
    let mut x = b.to_vec();
    substitute(&l, dim, &mut x);
    Some(x)
}

/// Inverse of a symmetric positive-definite `a` (row-major); `None` if `a` is singular.
pub(crate) fn invert(a: &[f64], dim: usize) -> Option<Vec<f64>> {
    let l = cholesky(a, dim)?;
    let mut inverse = vec![0.0; dim * dim];
    let mut column = vec![0.0; dim];
    for j in 0..dim {
        column.iter_mut().enumerate().for_each(|(i, c)| *c = f64::from(u8::from(i == j)));
        substitute(&l, dim, &mut column);
        for i in 0..dim {
            inverse[i * dim + j] = column[i];
        }
    }
    Some(inverse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_and_inverts_a_2x2_system() {
        let a = [4.0, 2.0, 2.0, 3.0];
        let x = solve(&a, &[2.0, 1.0]).unwrap();
        assert!((x[0] - 0.5).abs() < 1e-15 && x[1].abs() < 1e-15);
        let inv = invert(&a, 2).unwrap();
        let expected = [0.375, -0.25, -0.25, 0.5];
        for (got, want) in inv.iter().zip(expected) {
            assert!((got - want).abs() < 1e-15);
        }
    }

    #[test]
    fn singular_matrices_are_refused() {
        assert!(solve(&[1.0, 1.0, 1.0, 1.0], &[1.0, 2.0]).is_none());
        assert!(solve(&[0.0], &[1.0]).is_none());
        assert!(invert(&[2.0, 0.0, 0.0, 0.0], 2).is_none());
    }
}
