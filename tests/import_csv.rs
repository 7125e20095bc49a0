//! Patient-level CSV import: what is accepted, and a clear message for each bad input.

use trial_explorer::trial::import::{
    csv_help, import_file, import_patient_csv, loaded_message, read_patient_csv, refused_message,
    remove_import, ImportError, ImportedData, MAX_BYTES, MAX_ROWS,
};
use trial_explorer::trial::{default_bundle, Bundle, EventRecord, Measurement, Provenance};

fn loaded() -> Bundle {
    default_bundle().expect("embedded bundle is valid")
}

/// The message for a file of `text`, read as the page reads a picked file: as bytes.
fn error(text: &str, endpoint: &str) -> String {
    import_file(&loaded(), text.as_bytes(), "mine.csv", endpoint).map(|_| ()).expect_err(text).to_string()
}

const VISITS: &str = "w0 (week 0), w12 (week 12), w24 (week 24), w36 (week 36), w48 (week 48), w60 (week 60), w72 (week 72), w84 (week 84), w96 (week 96)";

#[test]
fn each_bad_time_to_event_file_gets_its_own_message() {
    let time_hint = "give the weeks since baseline, e.g. 12.5";
    let event_hint = "write 1 for an event or 0 for censoring";
    let cases: Vec<(&str, &str, String)> = vec![
        ("empty file", "", "mine.csv: the file is empty; expected a header line 'arm,time,event' and one row per patient".into()),
        ("only blank lines", "\n \r\n\n", "mine.csv: the file is empty; expected a header line 'arm,time,event' and one row per patient".into()),
        ("header only", "arm,time,event\r\n", "mine.csv: the file has a header but no rows; add one row per patient (and visit)".into()),
        ("wrong column names", "arm,week,status\nlow,1,1", "mine.csv, line 1: expected the columns arm,time,event (in any order) for endpoint 'response', found 'arm,week,status'; rename the header".into()),
        ("semicolons", "arm;time;event\nlow;1;1", "mine.csv, line 1: expected the columns arm,time,event (in any order) for endpoint 'response', found 'arm;time;event'; rename the header and separate fields with commas".into()),
        ("missing column", "arm,time\nlow,1", "mine.csv, line 1: expected the columns arm,time,event (in any order) for endpoint 'response', found 'arm,time'; rename the header".into()),
        ("extra column", "arm,time,event,site\nlow,1,1,A", "mine.csv, line 1: expected the columns arm,time,event (in any order) for endpoint 'response', found 'arm,time,event,site'; rename the header".into()),
        ("repeated column", "arm,time,time\nlow,1,1", "mine.csv, line 1: expected the columns arm,time,event (in any order) for endpoint 'response', found 'arm,time,time'; rename the header".into()),
        ("blank first line", "\narm,time,event\nlow,1,1", "mine.csv, line 1: the line is blank but rows follow it; remove the blank line".into()),
        ("text as time", "arm,time,event\nlow,abc,1", format!("mine.csv, line 2, column 2 (time): 'abc' is not a number; {time_hint}")),
        ("decimal comma", "arm,time,event\nlow,\"12,5\",1", format!("mine.csv, line 2, column 2 (time): '12,5' is not a number; {time_hint}")),
        ("negative time", "arm,time,event\nlow,12,1\nlow,-3,1", format!("mine.csv, line 3, column 2 (time): must not be negative, found -3; {time_hint}")),
        ("NaN time", "arm,time,event\nlow,NaN,1", format!("mine.csv, line 2, column 2 (time): must be a finite number, found NaN; {time_hint}")),
        ("infinite time", "arm,time,event\nlow,inf,0", format!("mine.csv, line 2, column 2 (time): must be a finite number, found inf; {time_hint}")),
        ("time after follow-up", "arm,time,event\nlow,96,1\nlow,96.5,0", "mine.csv, line 3, column 2 (time): week 96.5 is after the end of the 96-week follow-up; give a time from 0 to 96 weeks".into()),
        ("missing time", "arm,time,event\nlow,,1", format!("mine.csv, line 2, column 2 (time): the cell is empty; {time_hint}")),
        ("event 2", "arm,time,event\nlow,12,2", format!("mine.csv, line 2, column 3 (event): '2' is not 0 or 1; {event_hint}")),
        ("event yes", "arm,time,event\nlow,12,yes", format!("mine.csv, line 2, column 3 (event): 'yes' is not 0 or 1; {event_hint}")),
        ("missing event", "arm,time,event\nlow,12,", format!("mine.csv, line 2, column 3 (event): the cell is empty; {event_hint}")),
        ("unknown arm", "arm,time,event\nmedium,12,1", "mine.csv, line 2, column 1 (arm): unknown arm 'medium'; known arms: high, low, placebo".into()),
        ("missing arm", "arm,time,event\n,12,1", "mine.csv, line 2, column 1 (arm): the cell is empty; every row needs an arm".into()),
        ("unknown arm, columns reordered", "time,event,arm\n12,1,Low", "mine.csv, line 2, column 3 (arm): unknown arm 'Low'; known arms: high, low, placebo".into()),
        ("too few fields", "arm,time,event\nlow,12", "mine.csv, line 2: found 2 fields, expected 3 (arm,time,event); check for missing or extra commas".into()),
        ("too many fields", "arm,time,event\nlow,12,1,x", "mine.csv, line 2: found 4 fields, expected 3 (arm,time,event); check for missing or extra commas".into()),
        ("blank line between rows", "arm,time,event\nlow,12,1\n\nhigh,3,0\n", "mine.csv, line 3: the line is blank but rows follow it; remove the blank line".into()),
        ("unclosed quote", "arm,time,event\n\"low,12,1", "mine.csv, line 2, column 1: a quoted field is not closed, or text follows its closing quote; check the quotes".into()),
        ("text after a quote", "arm,time,event\nlow,\"12\"x,1", "mine.csv, line 2, column 2: a quoted field is not closed, or text follows its closing quote; check the quotes".into()),
    ];
    for (what, text, expected) in cases {
        assert_eq!(error(text, "response"), expected, "{what}");
    }
}

#[test]
fn each_bad_continuous_file_gets_its_own_message() {
    let value_hint = "give the measured value, e.g. 312";
    let header = "arm,patient,visit,value\n";
    let cases: Vec<(&str, String, String)> = vec![
        ("time-to-event header", "arm,time,event\nlow,1,1".into(), "mine.csv, line 1: expected the columns arm,patient,visit,value (in any order) for endpoint 'cd4', found 'arm,time,event'; rename the header".into()),
        ("empty file", "".into(), "mine.csv: the file is empty; expected a header line 'arm,patient,visit,value' and one row per patient".into()),
        ("unknown visit", format!("{header}low,P1,w50,300"), format!("mine.csv, line 2, column 3 (visit): unknown visit 'w50'; give a visit id or its week: {VISITS}")),
        ("week without a visit", format!("{header}low,P1,50,300"), format!("mine.csv, line 2, column 3 (visit): unknown visit '50'; give a visit id or its week: {VISITS}")),
        ("missing visit", format!("{header}low,P1,,300"), "mine.csv, line 2, column 3 (visit): the cell is empty; every row needs a visit".into()),
        ("missing patient", format!("{header}low,,w48,300"), "mine.csv, line 2, column 2 (patient): the cell is empty; every row needs a patient id".into()),
        ("negative value", format!("{header}low,P1,w48,-5"), format!("mine.csv, line 2, column 4 (value): must not be negative, found -5; {value_hint}")),
        ("text as value", format!("{header}low,P1,w48,n/a"), format!("mine.csv, line 2, column 4 (value): 'n/a' is not a number; {value_hint}")),
        ("NaN value", format!("{header}low,P1,w48,nan"), format!("mine.csv, line 2, column 4 (value): must be a finite number, found NaN; {value_hint}")),
        ("absurdly large value", format!("{header}low,P1,w0,200\nhigh,P2,w48,1e308"), format!("mine.csv, line 3, column 4 (value): must be at most 1e12, found 1e308; {value_hint}")),
        ("unknown arm", format!("{header}mid,P1,w48,300"), "mine.csv, line 2, column 1 (arm): unknown arm 'mid'; known arms: high, low, placebo".into()),
        (
            "same patient and visit twice (once by week)",
            format!("{header}low,P1,w0,200\nlow,P1,48,250\nlow,P1,w48,260"),
            "mine.csv, line 4: patient 'P1' already has a value at visit 'w48' (line 3); keep one row per patient and visit".into(),
        ),
        (
            "patient in two arms",
            format!("{header}low,P1,w0,200\nhigh,P1,w48,250"),
            "mine.csv, line 3: patient 'P1' is in arm 'high' here but in arm 'low' at line 2; a patient belongs to one arm".into(),
        ),
    ];
    for (what, text, expected) in cases {
        assert_eq!(error(&text, "cd4"), expected, "{what}");
    }
}

/// A file is read as bytes: each byte that is not UTF-8 is named at its place, in characters,
/// after a byte-order mark; a replacement character the file itself holds is text.
#[test]
fn bytes_that_are_not_utf8_are_refused_at_their_place() {
    let latin1 = "save it as UTF-8 and load it again";
    let cases: Vec<(&str, &[u8], String)> = vec![
        ("Latin-1 é", b"arm,time,event\nlow,12,1\nplac\xe9bo,24,0", format!("mine.csv, line 3, character 5: the byte 0xE9 there is not UTF-8 text, as when the file is saved as Latin-1; {latin1}")),
        ("after a byte-order mark", b"\xef\xbb\xbfarm,ti\xe9me,event", format!("mine.csv, line 1, character 7: the byte 0xE9 there is not UTF-8 text, as when the file is saved as Latin-1; {latin1}")),
        ("after a multibyte letter", "arm,time,event\nlow,12,1\n\u{e9}t\u{e9}".bytes().chain(*b"\xff,3,1").collect::<Vec<u8>>().leak(), format!("mine.csv, line 3, character 4: the byte 0xFF there is not UTF-8 text, as when the file is saved as Latin-1; {latin1}")),
        ("a letter cut short at the end", b"arm,time,event\nlow,12,1\xc3", format!("mine.csv, line 2, character 9: the byte 0xC3 there is not UTF-8 text, as when the file is saved as Latin-1; {latin1}")),
        ("UTF-16", b"\xff\xfea\x00r\x00m\x00", "mine.csv: the file is UTF-16 text (it starts with the bytes 0xFF 0xFE), as a spreadsheet's \"Unicode text\" is saved; save it as UTF-8 (\"CSV UTF-8\") and load it again".to_string()),
        ("UTF-16, big-endian", b"\xfe\xff\x00a\x00r", "mine.csv: the file is UTF-16 text (it starts with the bytes 0xFE 0xFF), as a spreadsheet's \"Unicode text\" is saved; save it as UTF-8 (\"CSV UTF-8\") and load it again".to_string()),
        ("two 0xFF bytes", b"\xff\xffarm", format!("mine.csv, line 1, character 1: the byte 0xFF there is not UTF-8 text, as when the file is saved as Latin-1; {latin1}")),
    ];
    for (what, bytes, expected) in cases {
        let err = import_file(&loaded(), bytes, "mine.csv", "response").expect_err(what);
        assert_eq!(err.to_string(), expected, "{what}");
    }
    let typed = import_file(&loaded(), b"arm,time,event\n\xe9", "mine.csv", "response").unwrap_err();
    assert_eq!(typed, ImportError::NotUtf8 { file: "mine.csv".into(), line: 2, character: 1, byte: 0xe9 });
    // A replacement character written as UTF-8 is the file's own text: the unknown arm is named.
    assert_eq!(
        error("arm,time,event\nlow,12,1\nplac\u{fffd}bo,24,0", "response"),
        "mine.csv, line 3, column 1 (arm): unknown arm 'plac\u{fffd}bo'; known arms: high, low, placebo"
    );
}

#[test]
fn the_endpoint_must_exist_and_have_patient_level_data() {
    let cases = [
        ("cd3", "mine.csv: unknown endpoint 'cd3'; known endpoints: response, response_week, cd4, cd8, cd4_cd8_ratio, safety; choose one of them for this file"),
        ("safety", "mine.csv: endpoint 'safety' is a statement endpoint; patient-level CSV is for a time-to-event endpoint (arm,time,event) or a continuous one (arm,patient,visit,value)"),
        ("response_week", "mine.csv: endpoint 'response_week' is a binary endpoint; patient-level CSV is for a time-to-event endpoint (arm,time,event) or a continuous one (arm,patient,visit,value)"),
    ];
    for (endpoint, expected) in cases {
        assert_eq!(error("arm,time,event\nlow,1,1", endpoint), expected);
    }
}

#[test]
fn bom_crlf_quotes_spaces_any_column_order_and_trailing_blank_lines_are_accepted() {
    let text = "\u{feff}Event, TIME ,arm\r\n1,12.5,low\r\n0, 96 ,\"placebo\"\r\n\r\n\r\n";
    let bundle = import_patient_csv(&loaded(), text, "km digitised.csv", "response").unwrap();
    let sets = &bundle.patient_data.time_to_event;
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].id, "km digitised.csv");
    assert_eq!(sets[0].endpoint, "response");
    assert_eq!(sets[0].provenance, Provenance::Imported { file: "km digitised.csv".into() });
    assert_eq!(sets[0].provenance.label(), "imported");
    assert!(!sets[0].provenance.is_reported());
    assert_eq!(
        sets[0].records,
        [
            EventRecord { arm: "low".into(), time: 12.5, event: true },
            EventRecord { arm: "placebo".into(), time: 96.0, event: false },
        ]
    );
    // Everything else is as loaded.
    let mut without = bundle.clone();
    without.patient_data.time_to_event.clear();
    assert_eq!(without, loaded());
}

#[test]
fn continuous_rows_accept_a_visit_by_id_or_by_week() {
    let text = "arm,patient,visit,value\nlow,P1,0,210\nlow,P1,w48,275.5\nplacebo,P2,48,190\n";
    let Ok(ImportedData::Measurements(set)) = read_patient_csv(&loaded(), text, "cd4.csv", "cd4") else {
        panic!("a continuous file reads as measurements");
    };
    let row = |arm: &str, patient: &str, visit: &str, value: f64| Measurement {
        arm: arm.into(),
        patient: patient.into(),
        visit: visit.into(),
        value,
    };
    assert_eq!(
        set.records,
        [row("low", "P1", "w0", 210.0), row("low", "P1", "w48", 275.5), row("placebo", "P2", "w48", 190.0),]
    );
    assert_eq!(set.endpoint, "cd4");
}

#[test]
fn importing_a_file_again_replaces_the_earlier_import_of_that_name() {
    let once = import_patient_csv(&loaded(), "arm,time,event\nlow,1,1", "a.csv", "response").unwrap();
    let again = import_patient_csv(&once, "arm,time,event\nlow,2,0", "a.csv", "response").unwrap();
    let other = import_patient_csv(&again, "arm,time,event\nhigh,3,1", "b.csv", "response").unwrap();
    let summary: Vec<(&str, f64)> =
        other.patient_data.time_to_event.iter().map(|set| (set.id.as_str(), set.records[0].time)).collect();
    assert_eq!(summary, [("a.csv", 2.0), ("b.csv", 3.0)]);
    let removed = remove_import(&other, "a.csv");
    assert_eq!(removed.patient_data.time_to_event.len(), 1);
    assert_eq!(removed.patient_data.time_to_event[0].id, "b.csv");
    assert_eq!(remove_import(&removed, "b.csv"), loaded());
}

#[test]
fn a_file_over_20_mb_is_refused_before_reading() {
    let text = format!("arm,time,event\n{}", "x".repeat(MAX_BYTES));
    assert_eq!(
        error(&text, "response"),
        "mine.csv: the file has 20,000,015 bytes, more than the limit of 20,000,000 (20 MB); import a smaller file, e.g. one endpoint at a time"
    );
}

#[test]
fn a_million_rows_are_read_and_one_more_is_refused() {
    let mut text = String::from("arm,time,event\n");
    for i in 0..MAX_ROWS {
        text.push_str(["low,", "high,", "placebo,"][i % 3]);
        text.push_str(if i % 2 == 0 { "12.5,1\n" } else { "96,0\n" });
    }
    let bundle = read_patient_csv(&loaded(), &text, "big.csv", "response").unwrap();
    let ImportedData::Events(set) = bundle else {
        panic!("a time-to-event file reads as events");
    };
    assert_eq!(set.records.len(), 1_000_000);
    assert_eq!(set.records[999_999].arm, "low");
    text.push_str("low,1,1\n");
    assert_eq!(
        error(&text, "response"),
        "mine.csv: the file has 1,000,001 rows of patient data, more than the limit of 1,000,000; split it into smaller files"
    );
}

#[test]
fn errors_are_typed() {
    let err = import_patient_csv(&loaded(), "arm,time,event\nlow,x,1", "f.csv", "response").unwrap_err();
    assert_eq!(
        err,
        ImportError::Cell {
            file: "f.csv".into(),
            line: 2,
            column: 2,
            name: "time",
            problem: "'x' is not a number; give the weeks since baseline, e.g. 12.5".into(),
        }
    );
}

/// The panel's help names exactly the arm and visit ids the importer accepts, read from the
/// bundle: a CSV written with the first arm and visit it names loads.
#[test]
fn the_help_names_the_ids_the_importer_accepts() {
    let bundle = loaded();
    let help = csv_help(&bundle);
    assert!(help.contains("arm is one of high, low, placebo;"), "{help}");
    for visit in &bundle.visits {
        assert!(help.contains(visit.id.as_str()), "{help} lacks {}", visit.id);
    }
    let text = format!("arm,patient,visit,value\n{},p1,{},120\n", bundle.arms[0].id, bundle.visits[0].id);
    assert!(import_patient_csv(&bundle, &text, "help.csv", "cd4").is_ok());
    assert!(help.contains("a copied link does not carry it"), "{help}");
}

/// An import is known by its file name: loading the same name again, even for another
/// endpoint, takes the earlier one's place, and the message says so.
#[test]
fn a_second_import_of_the_same_name_says_it_replaces_the_first() {
    let first = loaded();
    let cd8 =
        import_patient_csv(&first, "arm,patient,visit,value\nlow,p1,w0,500\n", "mine.csv", "cd8").unwrap();
    assert_eq!(
        loaded_message(&first, &cd8, "mine.csv"),
        "Loaded mine.csv: 1 patient dataset (1 record). The views and the published claims now use its data, labelled imported."
    );
    let cd4 = import_patient_csv(
        &cd8,
        "arm,patient,visit,value\nlow,p1,w0,300\nlow,p2,w0,310\n",
        "mine.csv",
        "cd4",
    )
    .unwrap();
    assert_eq!(
        loaded_message(&cd8, &cd4, "mine.csv"),
        "Loaded mine.csv: 1 patient dataset (2 records). The views and the published claims now use its data, labelled imported. \
         It takes the place of the earlier import of mine.csv."
    );
    assert!(loaded_message(&cd8, &cd4, "other.csv").ends_with("labelled imported."));
    assert!(cd4.patient_data.continuous.iter().all(|d| d.endpoint != "cd8" || d.id != "mine.csv"));
}

/// A refused file says which data stay loaded, since its message takes the place of the one
/// that said what was loaded.
#[test]
fn a_refused_file_says_which_data_stay_loaded() {
    let csv = "arm,time,event\nlow,12,1\nplacebo,24,0\n";
    let why = "bad.csv, line 1: expected the columns arm,time,event";
    let none = loaded();
    assert_eq!(
        refused_message(&none, why),
        format!("{why}. Nothing was changed: the published facts and the reconstruction stay loaded.")
    );
    let one = import_patient_csv(&none, csv, "a.csv", "response").unwrap();
    assert_eq!(
        refused_message(&one, "bad.csv: the file is empty."),
        "bad.csv: the file is empty. Nothing was changed: the published facts, the reconstruction and a.csv stay loaded."
    );
    let two = import_patient_csv(&one, csv, "b.csv", "response").unwrap();
    assert!(refused_message(&two, why).ends_with(
        "Nothing was changed: the published facts, the reconstruction, a.csv and b.csv stay loaded."
    ));
}
