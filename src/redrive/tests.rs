//! Failed-document files in, records out.

use super::*;

fn line(doc: &str, code: &str) -> String {
    serde_json::json!({
        "attemptsMade": 1,
        "arrivalTimestamp": 1_715_438_684_000i64,
        "errorCode": code,
        "errorMessage": "failed to parse field [detail]",
        "attemptEndingTimestamp": 1_715_438_684_000i64,
        "rawData": base64::engine::general_purpose::STANDARD.encode(format!("{doc}\n")),
        "subsequenceNumber": 0,
        "esDocumentId": "",
        "esIndexName": "logs-2024-05-11",
        "esTypeName": "",
    })
    .to_string()
}

const CLASH: &str = r#"{"message":"more","detail":{"code":1},"cloudwatch":{"log_group":"/a"}}"#;
const FINE: &str = r#"{"message":"fine","cloudwatch":{"log_group":"/a"}}"#;

#[test]
fn a_failed_document_file_gives_each_document_and_its_error_code_gzip_or_not() {
    let text = format!(
        "{}\n\n{}\n",
        line(CLASH, "mapper_parsing_exception"),
        line(FINE, "es_rejected_execution_exception")
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    for bytes in [text.clone().into_bytes(), gz.finish().unwrap()] {
        let docs = parse_file(&bytes).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].error_code, "mapper_parsing_exception");
        assert_eq!(docs[0].data, format!("{CLASH}\n").into_bytes());
    }
}

#[test]
fn a_damaged_line_names_its_number_and_fails_the_whole_file() {
    let text = format!("{}\nnot json\n", line(FINE, "x"));
    let err = parse_file(text.as_bytes()).unwrap_err();
    assert!(err.to_string().starts_with("line 2: "), "{err}");
    let bad = r#"{"rawData":"!!"}"#;
    assert!(matches!(
        parse_file(bad.as_bytes()),
        Err(RedriveError::RawData { line: 1 })
    ));
}

#[test]
fn every_document_is_made_type_stable_and_counted_with_its_error_code() {
    let docs = vec![
        FailedDocument {
            error_code: "mapper_parsing_exception".into(),
            error_message: String::new(),
            data: format!("{CLASH}\n").into_bytes(),
            id: None,
        },
        FailedDocument {
            error_code: "es_rejected_execution_exception".into(),
            error_message: String::new(),
            data: FINE.as_bytes().to_vec(),
            id: None,
        },
        FailedDocument {
            error_code: "mapper_parsing_exception".into(),
            error_message: String::new(),
            data: FINE.as_bytes().to_vec(),
            id: None,
        },
    ];
    let mut tally = Tally::default();
    let out = records(&docs, Schema::Python, &mut tally);
    assert_eq!(out.len(), 3);
    let first: serde_json::Value = serde_json::from_slice(out.get(0)).unwrap();
    assert_eq!(first["detail"], r#"{"code":1}"#);
    assert_eq!(first["structured"]["detail"]["code"], 1);
    assert_eq!(
        out.get(1),
        format!("{FINE}\n").as_bytes(),
        "a fine document is sent as it was"
    );
    assert_eq!((tally.documents, tally.coerced), (3, 1));
    assert_eq!(
        tally.error_summary(),
        "mapper_parsing_exception=2 es_rejected_execution_exception=1"
    );
}

#[test]
fn a_document_already_made_stable_is_not_nested_again() {
    let mut tally = Tally::default();
    let once = records(
        &[FailedDocument {
            error_code: "x".into(),
            error_message: String::new(),
            data: CLASH.as_bytes().to_vec(),
            id: None,
        }],
        Schema::Python,
        &mut tally,
    );
    let again = records(
        &[FailedDocument {
            error_code: "x".into(),
            error_message: String::new(),
            data: once.get(0).to_vec(),
            id: None,
        }],
        Schema::Python,
        &mut tally,
    );
    assert_eq!(once.get(0), again.get(0));
}

const SCALAR_REFUSED: &str = "object mapping for [detail] tried to parse field [detail] as object, but found a concrete value";

#[test]
fn the_field_a_scalar_was_refused_for_is_read_from_opensearchs_message() {
    assert_eq!(clash_field(SCALAR_REFUSED), Some("detail"));
    assert_eq!(
        clash_field(
            "object mapping for [a.b] tried to parse field [b] as object, but found a concrete value"
        ),
        None
    );
    assert_eq!(
        clash_field("failed to parse field [x] of type [long]"),
        None
    );
}

#[test]
fn a_scalar_refused_where_the_index_has_an_object_moves_under_structured() {
    let doc = r#"{"message":"refused once","detail":"flat","cloudwatch":{"log_group":"/a"}}"#;
    let failed = FailedDocument {
        error_code: "mapper_parsing_exception".into(),
        error_message: SCALAR_REFUSED.into(),
        data: doc.as_bytes().to_vec(),
        id: None,
    };
    let mut tally = Tally::default();
    let out = records(std::slice::from_ref(&failed), Schema::Python, &mut tally);
    let fixed: serde_json::Value = serde_json::from_slice(out.get(0)).unwrap();
    assert!(fixed.get("detail").is_none());
    assert_eq!(fixed["structured"]["detail"], "flat");
    assert_eq!(fixed["cloudwatch"]["log_group"], "/a");
    assert_eq!(tally.coerced, 1);
    // Already stable, with its own structured object: joined there.
    let stable = r#"{"message":"m","detail":"flat","structured":{"other":{"a":1}}}"#;
    let again = FailedDocument {
        data: stable.as_bytes().to_vec(),
        ..failed
    };
    let out = records(&[again], Schema::Python, &mut tally);
    let fixed: serde_json::Value = serde_json::from_slice(out.get(0)).unwrap();
    assert_eq!(
        fixed["structured"],
        serde_json::json!({"other": {"a": 1}, "detail": "flat"})
    );
}
