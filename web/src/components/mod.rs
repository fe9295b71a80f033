//! The app's components, one per file.

mod app;
mod catalog_view;
mod category_section;
mod check_option;
mod delivery_comparison;
mod filter_panel;
mod header;
mod offering_card;
mod offering_detail;
mod search_box;

pub use app::{App, AppProps};
pub use catalog_view::{CatalogView, CatalogViewProps};
pub use category_section::{CategorySection, CategorySectionProps};
pub use check_option::{CheckOption, CheckOptionProps};
pub use delivery_comparison::{DeliveryComparison, DeliveryComparisonProps};
pub use filter_panel::{FilterPanel, FilterPanelProps};
pub use header::{Header, HeaderProps};
pub use offering_card::{OfferingCard, OfferingCardProps};
pub use offering_detail::{OfferingDetail, OfferingDetailProps};
pub use search_box::{SearchBox, SearchBoxProps};
