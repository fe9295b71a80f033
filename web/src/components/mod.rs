//! The app's components, one per file.

mod app;
mod app_notices;
mod catalog_changes;
mod catalog_loader;
mod catalog_view;
mod category_section;
mod check_option;
mod delivery_comparison;
mod export_panel;
mod field_problem;
mod filter_panel;
mod header;
mod intake_form;
mod mode_switch;
mod note_field;
mod notice;
mod number_field;
mod offering_card;
mod offering_detail;
mod question_field;
mod questionnaire;
mod quote_line_row;
mod quote_panel;
mod recommendation_list;
mod scope_page;
mod search_box;
mod sow_request_panel;

pub use app::{App, AppProps};
pub use app_notices::{AppNotices, AppNoticesProps};
pub use catalog_changes::{CatalogChanges, CatalogChangesProps};
pub use catalog_loader::{CatalogLoader, CatalogLoaderProps};
pub use catalog_view::{CatalogView, CatalogViewProps};
pub use category_section::{CategorySection, CategorySectionProps};
pub use check_option::{CheckOption, CheckOptionProps};
pub use delivery_comparison::{DeliveryComparison, DeliveryComparisonProps};
pub use export_panel::{ExportPanel, ExportPanelProps};
pub use field_problem::{
    FieldProblem, FieldProblemProps, ProblemWiring, problem_id, use_checked_text,
};
pub use filter_panel::{FilterPanel, FilterPanelProps};
pub use header::{Header, HeaderProps};
pub use intake_form::{IntakeForm, IntakeFormProps};
pub use mode_switch::{ModeSwitch, ModeSwitchProps};
pub use note_field::{NoteField, NoteFieldProps};
pub use notice::{Notice, NoticeProps, Tone};
pub use number_field::{NumberField, NumberFieldProps};
pub use offering_card::{OfferingCard, OfferingCardProps};
pub use offering_detail::{OfferingDetail, OfferingDetailProps};
pub use question_field::{QuestionField, QuestionFieldProps, number_answer, question_input_id};
pub use questionnaire::{Questionnaire, QuestionnaireProps};
pub use quote_line_row::{QuoteLineRow, QuoteLineRowProps, SharedItem, SharedLine};
pub use quote_panel::{QuotePanel, QuotePanelProps};
pub use recommendation_list::{RecommendationList, RecommendationListProps};
pub use scope_page::{ScopePage, ScopePageProps};
pub use search_box::{SearchBox, SearchBoxProps};
pub use sow_request_panel::{GITLAB_PROJECT_KEY, SowRequestPanel, SowRequestPanelProps};
