//! Published P values: reading the text, the interval a rounded value stands for.

use proptest::prelude::*;
use trial_explorer::trial::{default_bundle, PValue, Provenance};

#[test]
fn published_forms_are_read() {
    let cases = [
        ("P = 0.004", Some(PValue::Exact { value: 0.004, decimals: 3 })),
        ("P=0.04", Some(PValue::Exact { value: 0.04, decimals: 2 })),
        ("p = 0.0040", Some(PValue::Exact { value: 0.004, decimals: 4 })),
        ("P ≈ 0.048", Some(PValue::Exact { value: 0.048, decimals: 3 })),
        ("P = 1", Some(PValue::Exact { value: 1.0, decimals: 0 })),
        ("P < 0.001", Some(PValue::LessThan { bound: 0.001 })),
        ("<0.05", Some(PValue::LessThan { bound: 0.05 })),
        ("P > 0.05", None),
        ("P ≤ 0.05", None),
        ("P = 4e-3", None),
        ("P = -0.1", None),
        ("P = ", None),
        ("0.004", None),
        ("P is small", None),
    ];
    for (text, expected) in cases {
        assert_eq!(PValue::parse(text), expected, "{text}");
    }
}

#[test]
fn a_rounded_value_stands_for_an_interval() {
    let p = PValue::Exact { value: 0.004, decimals: 3 };
    assert_eq!(p.bounds(), (0.0035, 0.0045));
    assert_eq!(PValue::Exact { value: 0.0, decimals: 3 }.bounds(), (0.0, 0.0005));
    assert_eq!(PValue::Exact { value: 1.0, decimals: 2 }.bounds(), (0.995, 1.0));
    assert_eq!(PValue::LessThan { bound: 0.001 }.bounds(), (0.0, 0.001));
}

#[test]
fn the_published_p_of_the_response_comparison_is_derived_into_its_interval() {
    let bundle = default_bundle().unwrap();
    let test = bundle
        .tests
        .iter()
        .find(|t| t.id == "response_low_vs_placebo")
        .expect("the Kaplan–Meier comparison is in the bundle");
    assert_eq!(test.p.value.text, "P = 0.004");
    let bounds = test.p.value.bounds_fact();
    assert_eq!(bounds.value, (0.0035, 0.0045));
    assert_eq!(
        bounds.provenance,
        Provenance::Derived {
            from: "the published 'P = 0.004'".into(),
            how: "a value rounded to 3 decimals: 0.0035 ≤ P < 0.0045".into(),
        }
    );
    let cd4 = &bundle.tests[0].p.value;
    assert_eq!(
        cd4.bounds_fact().provenance,
        Provenance::Derived {
            from: "the published 'P < 0.001'".into(),
            how: "only the bound is published: 0 ≤ P < 0.001".into(),
        }
    );
}

proptest! {
    /// Printing a rounded P value and reading it back gives the same value and decimals,
    /// and the value lies inside its own interval.
    #[test]
    fn describe_and_parse_agree(decimals in 0u32..=6, fraction in 0.0f64..=1.0) {
        let scale = 10f64.powi(decimals as i32);
        let value = (fraction * scale).round() / scale;
        let p = PValue::Exact { value, decimals };
        prop_assert_eq!(PValue::parse(&p.describe()), Some(p));
        let (low, high) = p.bounds();
        prop_assert!(low <= value && value <= high);
        prop_assert!(high - low <= 1.0 / scale + 1e-15);
    }
}
