use super::*;

#[test]
fn paths_render_as_written_in_the_document() {
    assert_eq!(FieldPath::Document.to_string(), "");
    assert_eq!(FieldPath::from("").to_string(), "");
    assert_eq!(
        FieldPath::from("customer.name").to_string(),
        "customer.name"
    );
    assert_eq!(
        FieldPath::answer("migration.users").to_string(),
        "answers.migration.users"
    );
    assert_eq!(
        FieldPath::answer("education.courses").entry(2).to_string(),
        "answers.education.courses[2]"
    );
    assert_eq!(
        FieldPath::item(2, "attendees").to_string(),
        "items[2].attendees"
    );
    assert_eq!(FieldPath::item(3, "").to_string(), "items[3]");
    assert_eq!(
        FieldPath::item(0, "effort").child("architect").to_string(),
        "items[0].effort.architect"
    );
    assert_eq!(
        FieldPath::item(1, "").child("sku").to_string(),
        "items[1].sku"
    );
    assert_eq!(
        FieldPath::recommendation("add-training").to_string(),
        "recommendations.add-training"
    );
    assert_eq!(FieldPath::Document.child("notes").to_string(), "notes");
    assert_eq!(
        FieldPath::from("customer").child("name").to_string(),
        "customer.name"
    );
    assert_eq!(
        FieldPath::from("service_types").entry(1).to_string(),
        "service_types[1]"
    );
    assert_eq!(
        FieldPath::item(0, "sku").within("scope").to_string(),
        "scope.items[0].sku"
    );
    assert_eq!(FieldPath::Document.within("scope").to_string(), "scope");
}

#[test]
fn paths_serialize_as_plain_strings() {
    let error = FieldError::item(2, "attendees", "expected a whole number");
    assert_eq!(
        serde_json::to_string(&error).unwrap_or_default(),
        r#"{"field":"items[2].attendees","message":"expected a whole number"}"#
    );
    let errors = FieldErrors::from(vec![
        FieldError::answer("k8s", "not a choice"),
        FieldError::new(FieldPath::Document, "not valid JSON"),
    ]);
    assert_eq!(
        serde_json::to_string(&errors).unwrap_or_default(),
        r#"[{"field":"answers.k8s","message":"not a choice"},{"field":"","message":"not valid JSON"}]"#
    );
}

#[test]
fn question_names_the_answered_question_only() {
    assert_eq!(
        FieldPath::answer("migration.users").question(),
        Some("migration.users")
    );
    assert_eq!(
        FieldPath::answer("education.courses").entry(0).question(),
        Some("education.courses")
    );
    assert_eq!(FieldPath::item(0, "sku").question(), None);
    assert_eq!(FieldPath::from("answers").question(), None);
    assert_eq!(FieldPath::from("customer.name").question(), None);
    assert_eq!(FieldPath::recommendation("answers.k8s").question(), None);
    // An answer inside an embedded scope is not an answer of this document.
    assert_eq!(FieldPath::answer("k8s").within("scope").question(), None);
}

#[test]
fn paths_compare_with_their_text() {
    assert_eq!(FieldPath::item(1, "sku"), "items[1].sku");
    assert!(FieldPath::answer("users") == *"answers.users");
    assert!(FieldPath::answer("users") != "users");
}

#[test]
fn one_problem_displays_with_its_field() {
    let errors = FieldErrors::from(FieldError::new("customer.name", "missing"));
    assert_eq!(errors.to_string(), "customer.name: missing");
    let whole = FieldErrors::from(FieldError::new("", "not valid JSON"));
    assert_eq!(whole.to_string(), "not valid JSON");
}

#[test]
fn many_problems_display_one_per_line() {
    let mut errors = FieldErrors::new();
    assert!(errors.is_empty());
    assert_eq!(errors.to_string(), "");
    errors.push(FieldError::answer("k8s", "expected yes or no"));
    errors.push(FieldError::item(0, "sku", "unknown SKU"));
    errors.push(FieldError::new(FieldPath::Document, "no [plan] section"));
    assert!(!errors.is_empty());
    assert_eq!(errors.len(), 3);
    assert_eq!(
        errors.to_string(),
        "answers.k8s: expected yes or no\nitems[0].sku: unknown SKU\nno [plan] section"
    );
    assert_eq!(
        format!("refused ({} problems):{}", errors.len(), errors.indented()),
        "refused (3 problems):\n  answers.k8s: expected yes or no\n  items[0].sku: unknown SKU\n  no [plan] section"
    );
    let fields: Vec<String> = errors.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(fields, ["answers.k8s", "items[0].sku", ""]);
    let messages: Vec<String> = errors.into_iter().map(|e| e.message).collect();
    assert_eq!(messages.len(), 3);
}

#[test]
fn lists_collect_and_extend() {
    let mut errors: FieldErrors = (0..3)
        .map(|i| FieldError::item(i, "hours", "too many"))
        .collect();
    errors.extend([FieldError::answer("users", "below the minimum")]);
    assert_eq!(errors.len(), 4);
    assert_eq!(errors[3].field.question(), Some("users"));
    let errors = errors.besides_answers();
    assert_eq!(errors.len(), 3);
    assert_eq!(errors[2].field, "items[2].hours");
    let by_ref: Vec<&FieldError> = (&errors).into_iter().collect();
    assert_eq!(by_ref.len(), 3);
}

#[test]
fn besides_answers_leaves_out_only_answers() {
    let errors = FieldErrors::from(vec![
        FieldError::answer("users", "expected a whole number"),
        FieldError::item(0, "sku", "unknown SKU"),
        FieldError::answer("courses", "not a choice"),
        FieldError::new("currency", "unknown currency"),
    ]);
    let fields: Vec<String> = errors
        .besides_answers()
        .iter()
        .map(|e| e.field.to_string())
        .collect();
    assert_eq!(fields, ["items[0].sku", "currency"]);
}

#[test]
fn pricing_problems_with_answers_are_left_out_only_after_the_answer_check_named_one() {
    let pricing = || {
        FieldErrors::from(vec![
            FieldError::answer("users", "required to price GL-MIG"),
            FieldError::item(1, "attendees", "must be at least 1"),
        ])
    };
    let fields = |errors: &FieldErrors| -> Vec<String> {
        errors.iter().map(|e| e.field.to_string()).collect()
    };

    let mut after_answers = FieldErrors::from(FieldError::answer("users", "expected a number"));
    after_answers.extend_after_answer_check(pricing());
    assert_eq!(
        fields(&after_answers),
        ["answers.users", "items[1].attendees"]
    );

    let mut no_answer_problem = FieldErrors::from(FieldError::new("customer.name", "missing"));
    no_answer_problem.extend_after_answer_check(pricing());
    assert_eq!(
        fields(&no_answer_problem),
        ["customer.name", "answers.users", "items[1].attendees"]
    );
}
