//! The page's JSON values beside serde_json's, so that tests can hold the page's reader and
//! writer to the widely used library: a value crosses over as text.

use trial_explorer::trial::json::{parse, pretty, Value};

/// `value` as serde_json reads the page's text of it.
pub fn theirs(value: &Value) -> serde_json::Value {
    serde_json::from_str(&pretty(value)).expect("the page writes JSON that serde_json reads")
}

/// serde_json's `value` as the page reads its text.
#[allow(dead_code)]
pub fn ours(value: &serde_json::Value) -> Value {
    parse(&value.to_string()).expect("the page reads JSON that serde_json writes")
}
