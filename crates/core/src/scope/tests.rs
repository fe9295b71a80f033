use super::*;

const EXAMPLE: &str = r#"{ "customer": {"name": "Acme Corp", "public_sector_us": false},
  "requester": {"username": "jdoe", "email": "jdoe@example.com"},
  "currency": "USD",
  "items": [ {"sku": "GL-CICD-R", "attendees": 40},
             {"sku": "GL-XPRT", "hours": 100, "discount_percent": "10"},
             {"sku": "GL-DOF", "delivery": "on_site", "attendees": 14},
             {"sku": "GL-MIG-SM-SAAS"} ],
  "answers": {"migration.users": 800, "migration.repositories": 2500, "migration.large_repositories": 13},
  "quote_discount_percent": "5" }"#;

fn errors(text: &str) -> Vec<String> {
    Scope::from_json(text)
        .unwrap_err()
        .errors
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn reads_the_documented_example() {
    let scope = Scope::from_json(EXAMPLE).unwrap();
    assert_eq!(scope.customer.name, "Acme Corp");
    assert_eq!(scope.items.len(), 4);
    assert_eq!(scope.items[0].attendees, Some(40));
    assert_eq!(scope.items[1].hours, Some(Decimal::from(100)));
    assert_eq!(scope.items[1].discount_percent, Some(Decimal::from(10)));
    assert_eq!(scope.items[2].delivery, Some(DeliveryMode::OnSite));
    assert_eq!(
        scope.answers.get("migration.users"),
        Some(&Answer::Number(800))
    );
    assert_eq!(scope.quote_discount_percent, Some(Decimal::from(5)));
}

#[test]
fn round_trips_byte_for_byte() {
    let scope = Scope::from_json(EXAMPLE).unwrap();
    let json = scope.to_json_pretty();
    let again = Scope::from_json(&json).unwrap();
    assert_eq!(again, scope);
    assert_eq!(again.to_json_pretty(), json);
}

#[test]
fn names_the_field_and_the_value() {
    let errs =
        errors(r#"{"items": [{"sku": "A"}, {"sku": "B"}, {"sku": "C", "attendees": "abc"}]}"#);
    assert_eq!(
        errs,
        vec![r#"items[2].attendees: expected a whole number ≥ 0, got "abc""#]
    );
}

#[test]
fn reports_every_problem_at_once() {
    let errs = errors(
        r#"{"items": [{"quantity": -1}, {"sku": "X", "discount_percent": "120", "delivery": "moon"}],
            "currency": "XXX", "quote_discount_percent": "abc", "extra": 1}"#,
    );
    assert!(
        errs.iter().any(|e| e.starts_with("extra: unknown field")),
        "{errs:?}"
    );
    assert!(
        errs.contains(&"items[0].sku: missing: every item needs the offering's SKU".to_string())
    );
    assert!(errs.contains(&"items[0].quantity: expected a whole number ≥ 1, got -1".to_string()));
    assert!(
        errs.iter()
            .any(|e| e.starts_with("items[1].discount_percent: 120 is out of range"))
    );
    assert!(
        errs.iter()
            .any(|e| e.starts_with("items[1].delivery: expected \"remote\" or \"on_site\""))
    );
    assert!(
        errs.iter()
            .any(|e| e.starts_with("currency: unknown currency \"XXX\""))
    );
    assert!(
        errs.iter()
            .any(|e| e.starts_with("quote_discount_percent: expected a decimal"))
    );
}

#[test]
fn refuses_fractions_and_floats_where_they_do_not_belong() {
    let errs = errors(r#"{"items": [{"sku": "A", "attendees": 2.5, "discount_amount": 10.5}]}"#);
    assert!(
        errs.iter()
            .any(|e| e.contains("attendees") && e.contains("not a whole number")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("discount_amount") && e.contains("decimal strings")),
        "{errs:?}"
    );
    let ok =
        Scope::from_json(r#"{"items": [{"sku": "A", "hours": 12.5, "discount_amount": "10.50"}]}"#)
            .unwrap();
    assert_eq!(ok.items[0].hours, Some(Decimal::new(125, 1)));
}

#[test]
fn enforces_limits() {
    let errs = errors(r#"{"items": [{"sku": "A", "attendees": 100001}]}"#);
    assert_eq!(
        errs,
        vec!["items[0].attendees: 100,001 is too large; at most 100,000 is allowed"]
    );
    let errs = errors(r#"{"items": [{"sku": "A", "hours": "1e9"}]}"#);
    assert!(
        errs[0].starts_with("items[0].hours: expected a decimal"),
        "{errs:?}"
    );
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(errors(&deep)[0].contains("nested"));
    let roles: Vec<String> = (0..=limits::MAX_EFFORT_ROLES)
        .map(|i| format!("\"r{i}\": 1"))
        .collect();
    let many_roles = format!(
        r#"{{"items": [{{"sku": "A", "effort": {{{}}}}}]}}"#,
        roles.join(",")
    );
    assert_eq!(
        errors(&many_roles),
        vec!["items[0].effort: 101 roles; an item has hours for at most 100"]
    );
    let decisions: Vec<String> = (0..=limits::MAX_ANSWERS)
        .map(|i| format!("\"d{i}\": \"accepted\""))
        .collect();
    let many_decisions = format!(r#"{{"recommendations": {{{}}}}}"#, decisions.join(","));
    assert_eq!(
        errors(&many_decisions),
        vec!["recommendations: 1001 decisions; a scope holds at most 1000"]
    );
    let long_name = format!(r#"{{"customer": {{"name": "{}"}}}}"#, "x".repeat(201));
    assert_eq!(
        errors(&long_name),
        vec!["customer.name: 201 characters; at most 200 are allowed"]
    );
}

#[test]
fn refuses_a_key_given_twice() {
    let errs = errors("{\"currency\": \"USD\",\n \"currency\": \"EUR\"}");
    assert_eq!(
        errs,
        vec![
            "not valid JSON: the key \"currency\" appears twice in one object (line 2, column 11)"
        ]
    );
    let errs = errors(r#"{"items": [{"sku": "A", "hours": 1, "hours": 2}]}"#);
    assert!(errs[0].contains("\"hours\" appears twice"), "{errs:?}");
    // The same key in different objects is fine.
    let scope = Scope::from_json(r#"{"items": [{"sku": "A"}, {"sku": "B"}]}"#).unwrap();
    assert_eq!(scope.items.len(), 2);
}

#[test]
fn malformed_json_says_where() {
    let errs = errors("{\"items\": [\n{\"sku\": }]}");
    assert!(errs[0].starts_with("not valid JSON:"), "{errs:?}");
    assert!(errs[0].contains("line 2"), "{errs:?}");
    assert!(errors("[]")[0].contains("expected an object, got a list"));
}

#[test]
fn a_partial_reading_keeps_what_could_be_read_for_the_later_stages() {
    // 5,000,000 attendees is past the limit: the item stays, without attendees, so pricing can
    // still name the unknown SKU and the bad answer in the same run.
    let reading = Scope::read_json(
        r#"{"items": [{"sku": "GL-XPRT"}, {"sku": "GL-NOPE"}, {"sku": "GL-CICD-R", "attendees": 5000000}],
            "answers": {"migration.users": 0}}"#,
    );
    let scope = reading.scope.expect("an object is read as far as it goes");
    assert_eq!(scope.items.len(), 3);
    assert_eq!(scope.items[2].attendees, None);
    let mut errors = reading.errors;
    let fields = |errors: &FieldErrors| -> Vec<String> {
        errors.iter().map(|e| e.field.to_string()).collect()
    };
    assert_eq!(fields(&errors), ["items[2].attendees"]);
    let catalog = Catalog::gitlab().unwrap();
    let priced = crate::quote::price(&catalog, &scope).unwrap_err().errors;
    errors.extend_after_reading(priced);
    assert_eq!(
        fields(&errors),
        [
            "items[2].attendees",
            "answers.migration.users",
            "items[1].sku"
        ]
    );
    // Not JSON at all: nothing to go on.
    let broken = Scope::read_json("{");
    assert!(broken.scope.is_none());
    assert_eq!(broken.errors.len(), 1);
}

#[test]
fn a_later_stage_does_not_repeat_a_field_the_reading_named() {
    // An item without an SKU is named by the reading; pricing's "unknown SKU \"\"" for the
    // same field, and anything inside a field already named, is left out.
    let mut errors = FieldErrors::from(FieldError::item(1, "sku", "missing"));
    errors.push(FieldError::new("items[2]", "expected an object"));
    errors.extend_after_reading(FieldErrors::from(vec![
        FieldError::item(1, "sku", "unknown SKU \"\""),
        FieldError::item(2, "sku", "unknown SKU \"\""),
        FieldError::item(0, "hours", "must be more than 0 hours"),
    ]));
    let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "items[1].sku: missing",
            "items[2]: expected an object",
            "items[0].hours: must be more than 0 hours"
        ]
    );
}

#[test]
fn a_scope_made_with_another_catalog_names_both() {
    let catalog = Catalog::gitlab().unwrap();
    let mut scope = Scope::default();
    assert!(
        scope.catalog_errors(&catalog).is_empty(),
        "no catalog named"
    );
    scope.catalog = Some(CatalogRef {
        id: "acme-ps".into(),
        version: "3".into(),
        hash: "0".repeat(64),
        projection: crate::catalog::Projection::Full,
    });
    let errors = scope.catalog_errors(&catalog);
    assert_eq!(errors.len(), 1);
    let text = errors.to_string();
    assert!(
        text.starts_with(
            "catalog.id: the scope was made with catalog acme-ps 3, but the catalog loaded is \
             gitlab-ps 2022.11"
        ),
        "{text}"
    );
    // The same catalog at another version or hash is not refused.
    scope.catalog = Some(CatalogRef {
        version: "2021.01".into(),
        ..catalog.reference()
    });
    assert!(scope.catalog_errors(&catalog).is_empty());
}

#[test]
fn an_editor_schema_key_is_read_and_ignored() {
    let with_key = r#"{"$schema": "./schemas/scope.schema.json", "items": [{"sku": "A"}]}"#;
    let scope = Scope::from_json(with_key).unwrap();
    assert_eq!(
        scope,
        Scope::from_json(r#"{"items": [{"sku": "A"}]}"#).unwrap()
    );
    assert!(!scope.to_json().contains("schema"));
    assert_eq!(
        errors(r#"{"$schema": 7}"#),
        vec!["$schema: expected text, got 7"]
    );
}

#[test]
fn a_quote_discount_is_checked_as_a_scope_file_would_read_it() {
    let said = |percent: &str| -> Vec<String> {
        Scope::quote_discount_errors(percent.parse().unwrap())
            .iter()
            .map(|e| e.to_string())
            .collect()
    };
    assert!(said("0").is_empty());
    assert!(said("15").is_empty());
    assert!(said("100").is_empty());
    // Each problem is the one reading the scope's JSON reports for the same value.
    for refused in ["150", "100.5", "7.1234567"] {
        let problems = said(refused);
        assert_eq!(problems.len(), 1, "{refused}: {problems:?}");
        assert!(
            problems[0].starts_with("quote_discount_percent: "),
            "{problems:?}"
        );
        let read =
            Scope::from_json(&format!(r#"{{"quote_discount_percent": "{refused}"}}"#)).unwrap_err();
        assert_eq!(read.to_string(), problems[0], "{refused}");
    }
}

#[test]
fn an_old_public_sector_scope_reads_and_its_flag_is_rewritten_in_flags() {
    let old =
        Scope::from_json(r#"{"customer": {"name": "State of Example", "public_sector_us": true}}"#)
            .unwrap();
    assert!(old.customer.has_flag("public_sector_us"));
    // Ticking another flag keeps the old one, now in today's spelling.
    let ticked = old.customer.with_flag("regulated", true);
    assert_eq!(ticked.flags, ["public_sector_us", "regulated"]);
    assert!(!ticked.public_sector_us);
    assert!(ticked.has_flag("public_sector_us") && ticked.has_flag("regulated"));
    // Clearing it clears it, even though the scope first spelled it the old way.
    let cleared = old.customer.with_flag("public_sector_us", false);
    assert!(!cleared.has_flag("public_sector_us"), "{cleared:?}");
    assert_eq!(cleared.flags, Vec::<String>::new());
    // Setting a flag twice lists it once; the name is kept.
    let twice = cleared
        .with_flag("public_sector_us", true)
        .with_flag("public_sector_us", true);
    assert_eq!(twice.flags, ["public_sector_us"]);
    assert_eq!(twice.name, "State of Example");
}
