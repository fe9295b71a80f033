//! Money: currencies with their ISO 4217 minor units, explicit rounding, price ranges and
//! exact allocation.
//!
//! Every amount is a [`Decimal`]; nothing here touches floating point. An amount is rounded
//! to its currency's minor units exactly where the pricing order says so (see
//! [`crate::Quote`]), with the catalog's [`RoundingMode`], and then carries that scale so it
//! prints as `"17000.00"` for USD, `"17000"` for JPY and `"17000.000"` for KWD.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

mod iso4217;

/// An ISO 4217 currency known to Scopecraft.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency {
    /// Index into the ISO 4217 table: two bytes, so amounts can carry their currency cheaply.
    index: u16,
    /// The table's minor units for that index, kept here because every rounding asks.
    minor: u8,
}

impl Currency {
    /// Looks up an ISO 4217 alphabetic code (upper case, e.g. `"USD"`).
    pub fn from_code(code: &str) -> Option<Currency> {
        iso4217::lookup(code)
    }

    /// The three-letter code.
    pub fn code(self) -> &'static str {
        iso4217::entry(self.index).0
    }

    /// Digits after the decimal point: USD 2, JPY 0, KWD 3.
    pub fn minor_units(self) -> u32 {
        u32::from(self.minor)
    }

    /// Rounds `amount` to this currency's minor units with `mode`, and fixes its scale so it
    /// prints with exactly that many decimals.
    pub fn round(self, amount: Decimal, mode: RoundingMode) -> Decimal {
        let minor = self.minor_units();
        // Most amounts are already whole minor units: nothing to round, at most zeros to add.
        if amount.scale() <= minor {
            return self.at_scale(amount);
        }
        let mut rounded = amount.round_dp_with_strategy(minor, mode.strategy());
        rounded.rescale(minor);
        rounded
    }

    /// Zero with this currency's scale.
    pub fn zero(self) -> Decimal {
        // Minor units are at most 4, well within a decimal's scale.
        Decimal::from_parts(0, 0, 0, false, self.minor_units())
    }

    /// Formats an amount for people: thousands separators and the code, e.g.
    /// `USD 17,000.00`. The amount is shown at the currency's scale.
    pub fn display(self, amount: Decimal) -> String {
        let mut scaled = amount;
        scaled.rescale(self.minor_units());
        format!("{} {}", self.code(), group_thousands(&scaled.to_string()))
    }

    /// `amount` at no fewer decimals than the minor units, so it prints at the currency's
    /// scale; never rounded (a finer amount keeps its decimals).
    pub(crate) fn at_scale(self, amount: Decimal) -> Decimal {
        let mut scaled = amount;
        if scaled.scale() < self.minor_units() {
            scaled.rescale(self.minor_units());
        }
        scaled
    }

    /// The currency at `index` of the ISO 4217 table, which has `minor` minor units.
    pub(crate) const fn from_table(index: u16, minor: u8) -> Currency {
        Currency { index, minor }
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Currency::from_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown currency `{code}`: expected an ISO 4217 code such as USD, EUR or JPY"
            ))
        })
    }
}

/// Inserts thousands separators into a plain decimal string (`-1234567.50` → `-1,234,567.50`).
pub fn group_thousands(plain: &str) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (rest, None),
    };
    let mut grouped = String::with_capacity(plain.len() + int.len() / 3);
    grouped.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if let Some(frac) = frac {
        grouped.push('.');
        grouped.push_str(frac);
    }
    grouped
}

/// A whole number with thousands separators: `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// A percentage as messages write it: `5%`, `12.5%` (trailing zeros dropped: `12.50` →
/// `12.5%`).
pub fn percent_text(percent: Decimal) -> String {
    format!("{}%", percent.normalize())
}

/// How an amount is rounded to minor units. Catalog data (`rounding = "…"`); the default is
/// half away from zero, the commercial rounding people expect on an invoice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// 2.345 → 2.35, −2.345 → −2.35.
    #[default]
    HalfAwayFromZero,
    /// Banker's rounding: 2.345 → 2.34, 2.355 → 2.36.
    HalfEven,
    /// Toward zero (truncate): 2.349 → 2.34.
    TowardZero,
    /// Away from zero: 2.341 → 2.35.
    AwayFromZero,
}

impl RoundingMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::TowardZero => RoundingStrategy::ToZero,
            RoundingMode::AwayFromZero => RoundingStrategy::AwayFromZero,
        }
    }

    /// Rounds to a multiple of `increment` (e.g. converted list prices to the nearest 10).
    pub fn round_to_increment(self, amount: Decimal, increment: Decimal) -> Option<Decimal> {
        if increment <= Decimal::ZERO {
            return None;
        }
        let units = amount
            .checked_div(increment)?
            .round_dp_with_strategy(0, self.strategy());
        units.checked_mul(increment)
    }
}

/// A price that may not be known exactly yet: `low` and `high` are equal when it is firm.
///
/// Ranges come from rough-order-of-magnitude tables and from scoping answers that are still
/// missing; they narrow to one figure as answers arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PriceRange {
    /// The lowest plausible amount (a decimal string in JSON).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub low: Decimal,
    /// The highest plausible amount (a decimal string in JSON).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub high: Decimal,
}

impl PriceRange {
    /// A firm amount.
    pub const fn firm(amount: Decimal) -> PriceRange {
        PriceRange {
            low: amount,
            high: amount,
        }
    }

    /// Whether low equals high.
    pub fn is_firm(&self) -> bool {
        self.low == self.high
    }

    /// Whether both ends are the same decimal, digit for digit and at the same scale: then
    /// any operation on the range is computed once, for one end, and copied to the other
    /// (most ranges are firm). Ends that are equal at different scales (`1.0` and `1.00`)
    /// are simply computed twice.
    fn same_ends(&self) -> bool {
        self.low.serialize() == self.high.serialize()
    }

    /// Applies `f` to both ends; `None` when either overflows.
    pub fn try_map(self, mut f: impl FnMut(Decimal) -> Option<Decimal>) -> Option<PriceRange> {
        let low = f(self.low)?;
        let high = if self.same_ends() { low } else { f(self.high)? };
        Some(PriceRange { low, high })
    }

    /// End-by-end sum; `None` on overflow.
    pub fn checked_add(self, other: PriceRange) -> Option<PriceRange> {
        Some(PriceRange {
            low: self.low.checked_add(other.low)?,
            high: self.high.checked_add(other.high)?,
        })
    }

    /// End-by-end difference; `None` on overflow.
    pub fn checked_sub(self, other: PriceRange) -> Option<PriceRange> {
        Some(PriceRange {
            low: self.low.checked_sub(other.low)?,
            high: self.high.checked_sub(other.high)?,
        })
    }

    /// Rounds both ends to the currency.
    pub fn round(self, currency: Currency, mode: RoundingMode) -> PriceRange {
        let low = currency.round(self.low, mode);
        let high = if self.same_ends() {
            low
        } else {
            currency.round(self.high, mode)
        };
        PriceRange { low, high }
    }

    /// Both ends at no fewer decimals than the currency's minor units (never rounded).
    pub(crate) fn at_scale(self, currency: Currency) -> PriceRange {
        PriceRange {
            low: currency.at_scale(self.low),
            high: currency.at_scale(self.high),
        }
    }

    /// Formats for people: `USD 17,000.00` or `USD 99,000.00 – 109,000.00`.
    pub fn display(&self, currency: Currency) -> String {
        if self.is_firm() {
            currency.display(self.low)
        } else {
            let mut high = self.high;
            high.rescale(currency.minor_units());
            format!(
                "{} – {}",
                currency.display(self.low),
                group_thousands(&high.to_string())
            )
        }
    }

    /// Formats a change for people, each end with its sign: `+USD 7,200.00`,
    /// `-USD 2,400.00`, `USD 0.00`, `+USD 1,000.00 – +2,000.00`.
    pub fn display_change(&self, currency: Currency) -> String {
        let signed = |amount: Decimal| {
            let sign = if amount.is_sign_positive() && !amount.is_zero() {
                "+"
            } else if amount.is_sign_negative() && !amount.is_zero() {
                "-"
            } else {
                ""
            };
            format!("{sign}{}", currency.display(amount.abs()))
        };
        if self.is_firm() {
            signed(self.low)
        } else {
            format!("{} – {}", signed(self.low), signed(self.high))
        }
    }
}

/// Why `value` cannot be an amount in `currency`: it has more decimals than the currency's
/// minor units (trailing zeros aside: `"1000.00"` is a whole JPY amount).
pub(crate) fn finer_than_currency(
    what: &str,
    value: Decimal,
    currency: Currency,
) -> Option<String> {
    let digits = value.normalize().scale();
    let minor = currency.minor_units();
    (digits > minor).then(|| {
        let allowed = match minor {
            0 => format!(
                "{} has no minor units, so its amounts are whole numbers",
                currency.code()
            ),
            1 => format!("{} amounts have at most 1 decimal", currency.code()),
            n => format!("{} amounts have at most {n} decimals", currency.code()),
        };
        format!(
            "{what} is {value}; {allowed}: write {} or {}",
            currency.round(value, RoundingMode::TowardZero),
            currency.round(value, RoundingMode::AwayFromZero)
        )
    })
}

/// `percent` % of `amount`, unrounded; `None` on overflow.
pub(crate) fn percent_of(amount: Decimal, percent: Decimal) -> Option<Decimal> {
    let product = amount.checked_mul(percent)?;
    // Dividing by 100 is moving the decimal point two places: exact, and far cheaper than a
    // division, whenever the scale has room for it (the value is the same either way).
    let scale = product.scale() + 2;
    if scale <= MAX_SCALE {
        let mut hundredth = product;
        hundredth.set_scale(scale).ok()?;
        return Some(hundredth);
    }
    product.checked_div(Decimal::ONE_HUNDRED)
}

/// The most decimals a [`Decimal`] holds.
const MAX_SCALE: u32 = 28;

/// `amount` × `count`, unrounded; `None` on overflow.
///
/// An amount whose digits fit 64 bits (every price in practice) is multiplied by one
/// widening integer multiplication, exact, and keeps its scale: the same decimal the
/// decimal multiplication gives, zero included. A product beyond the decimal's 96 bits is
/// left to the decimal multiplication, which rounds decimals away to fit or overflows.
pub(crate) fn times(amount: Decimal, count: u64) -> Option<Decimal> {
    let parts = amount.unpack();
    if parts.hi == 0 {
        let digits = u64::from(parts.lo) | (u64::from(parts.mid) << 32);
        let product = u128::from(digits) * u128::from(count);
        if product == 0 {
            return Some(Decimal::ZERO);
        }
        if let Some(exact) = from_digits(product, parts.negative, parts.scale) {
            return Some(exact);
        }
    }
    amount.checked_mul(Decimal::from(count))
}

/// `amount` rounded toward zero to the currency's minor units, and what that took off, as a
/// size comparable between amounts: the remainder's magnitude in units of 10⁻²⁸. The same
/// as rounding with [`RoundingMode::TowardZero`] and subtracting, by integer arithmetic on
/// the amount's digits instead of decimal rounding.
fn split_at_minor_units(amount: Decimal, currency: Currency) -> Option<(Decimal, u128)> {
    let minor = currency.minor_units();
    let scale = amount.scale();
    if scale <= minor {
        return Some((currency.at_scale(amount), 0));
    }
    let digits = amount.mantissa();
    let divisor = 10_i128.checked_pow(scale - minor)?;
    // An amount that rounds to zero comes out as 0, unsigned, as decimal rounding gives it.
    let floor = Decimal::try_from_i128_with_scale(digits.checked_div(divisor)?, minor).ok()?;
    let remainder = digits
        .checked_rem(divisor)?
        .unsigned_abs()
        .checked_mul(10_u128.checked_pow(MAX_SCALE.checked_sub(scale)?)?)?;
    Some((floor, remainder))
}

/// Whether `amount` is above zero, read off its sign and digits: the same as comparing it
/// with zero, without the comparison's scale alignment (pricing asks this of every line).
pub(crate) fn is_positive(amount: &Decimal) -> bool {
    !amount.is_zero() && amount.is_sign_positive()
}

/// How [`allocate`] finds each part's exact share: by integer arithmetic on whole minor
/// units when every amount fits (the usual case, and exact), else by decimal division.
enum Split {
    Whole(WholeUnits),
    /// The sum of the positive weights.
    Exact(Decimal),
}

/// The total in minor units and the weights as integers at one scale, all fitting so that
/// total × weight never overflows: a part is then total × weight ÷ sum, its remainder the
/// integer remainder of that division, exactly.
struct WholeUnits {
    total: i128,
    /// The scale every weight is counted at.
    scale: u32,
    /// The sum of the positive weights at that scale.
    positive: i128,
}

/// `a × b`, `None` on overflow. Operands that fit 64 bits multiply in one machine
/// instruction (their product always fits 128 bits); 128-bit overflow checking is a library
/// call.
fn product(a: i128, b: i128) -> Option<i128> {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(a), Ok(b)) => Some(i128::from(a) * i128::from(b)),
        _ => a.checked_mul(b),
    }
}

/// `digits × 10^exponent`, `None` on overflow; nothing to multiply at exponent 0 (amounts
/// usually have the scale they are counted at).
#[inline]
fn scaled_up(digits: i128, exponent: u32) -> Option<i128> {
    if exponent == 0 {
        return Some(digits);
    }
    product(digits, 10_i128.checked_pow(exponent)?)
}

impl WholeUnits {
    fn new(total: Decimal, weights: &[Decimal], currency: Currency) -> Option<WholeUnits> {
        let minor = currency.minor_units();
        let total = scaled_up(total.mantissa(), minor.checked_sub(total.scale())?)?;
        let positive_weights = || weights.iter().filter(|w| is_positive(w));
        let scale = positive_weights().map(Decimal::scale).max().unwrap_or(0);
        let mut whole = WholeUnits {
            total,
            scale,
            positive: 0,
        };
        for weight in positive_weights() {
            whole.positive = whole.positive.checked_add(whole.units(*weight)?)?;
        }
        // Every weight is at most the sum, so no product below overflows if this one does not.
        product(total, whole.positive)?;
        Some(whole)
    }

    /// `weight` as an integer at the common scale.
    #[inline]
    fn units(&self, weight: Decimal) -> Option<i128> {
        scaled_up(weight.mantissa(), self.scale.checked_sub(weight.scale())?)
    }

    /// The share of a positive `weight` in minor units, rounded toward zero, and the
    /// remainder (comparable between the weights of one allocation).
    fn share(&self, weight: Decimal) -> Option<(i128, u128)> {
        let product = product(self.total, self.units(weight)?)?;
        // Amounts of a quote usually fit 64 bits, where one machine division gives both
        // quotient and remainder; 128-bit division is a library call several times slower.
        match (i64::try_from(product), i64::try_from(self.positive)) {
            (Ok(product), Ok(positive)) => Some((
                i128::from(product.checked_div(positive)?),
                u128::from(product.checked_rem(positive)?.unsigned_abs()),
            )),
            _ => Some((
                product.checked_div(self.positive)?,
                product.checked_rem(self.positive)?.unsigned_abs(),
            )),
        }
    }
}

/// Splits `total` over `weights` in proportion, in steps of the currency's minor unit, so
/// that the parts sum to `total` exactly (largest-remainder method).
///
/// Each part is first rounded toward zero; the units left over go one each to the parts with
/// the largest remainders, ties to the earliest. Zero or negative weights get nothing. When
/// every weight is zero the whole amount goes to no one and `None` is returned, as it is on
/// overflow.
pub fn allocate(total: Decimal, weights: &[Decimal], currency: Currency) -> Option<Vec<Decimal>> {
    let split = match WholeUnits::new(total, weights, currency) {
        Some(whole) => Split::Whole(whole),
        None => Split::exact(weights)?,
    };
    allocate_by(total, weights, currency, split)
}

impl Split {
    fn exact(weights: &[Decimal]) -> Option<Split> {
        weights
            .iter()
            .filter(|w| is_positive(w))
            .try_fold(Decimal::ZERO, |acc, w| acc.checked_add(*w))
            .map(Split::Exact)
    }
}

fn allocate_by(
    total: Decimal,
    weights: &[Decimal],
    currency: Currency,
    split: Split,
) -> Option<Vec<Decimal>> {
    let positive_is_zero = match &split {
        Split::Whole(whole) => whole.positive == 0,
        Split::Exact(positive) => positive.is_zero(),
    };
    if positive_is_zero {
        return if total.is_zero() {
            Some(weights.iter().map(|_| currency.zero()).collect())
        } else {
            None
        };
    }
    let positive = match split {
        Split::Whole(whole) => return allocate_whole(weights, currency, &whole),
        Split::Exact(positive) => positive,
    };
    let unit = Decimal::new(1, currency.minor_units());
    // Lines without a positive weight (a firm line's spread) all get this one zero.
    let zero = currency.zero();
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut assigned = Decimal::ZERO;
    for (index, weight) in weights.iter().enumerate() {
        if !is_positive(weight) {
            parts.push(zero);
            continue;
        }
        let (floor, remainder) =
            split_at_minor_units(total.checked_mul(*weight)?.checked_div(positive)?, currency)?;
        remainders.push((remainder, index));
        assigned = assigned.checked_add(floor)?;
        parts.push(floor);
    }
    let mut left = total.checked_sub(assigned)?;
    if left.is_zero() {
        return Some(parts);
    }
    let step = if left.is_sign_negative() { -unit } else { unit };
    let units = left.checked_div(unit)?.abs();
    if let Some(units) = usize::try_from(units)
        .ok()
        .filter(|&u| Decimal::from(u) == units && u > 0 && u <= remainders.len())
    {
        return give_largest(parts, &mut remainders, units, step);
    }
    remainders.sort_by(largest_first);
    for (_, index) in remainders.iter().cycle().take(remainders.len() * 2) {
        if left.is_zero() {
            break;
        }
        let part = parts.get_mut(*index)?;
        *part = part.checked_add(step)?;
        left = left.checked_sub(step)?;
    }
    if left.is_zero() { Some(parts) } else { None }
}

/// Largest remainder first; equal remainders keep their original order.
fn largest_first(a: &(u128, usize), b: &(u128, usize)) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Adds `step` (one minor unit, or minus one) to each of the `units` parts with the largest
/// remainders. Selecting them is linear in the parts, where sorting them all was not.
/// `None` when there are not that many parts (the floors never leave that many units).
fn give_largest(
    mut parts: Vec<Decimal>,
    remainders: &mut [(u128, usize)],
    units: usize,
    step: Decimal,
) -> Option<Vec<Decimal>> {
    if units > remainders.len() {
        return None;
    }
    remainders.select_nth_unstable_by(units.checked_sub(1)?, largest_first);
    for (_, index) in remainders.iter().take(units) {
        let part = parts.get_mut(*index)?;
        *part = part.checked_add(step)?;
    }
    Some(parts)
}

/// [`allocate`] by integer arithmetic on whole minor units: each part's floor and remainder
/// are one integer division, the units assigned are summed as integers, and a part becomes
/// a decimal only once, at the currency's scale. The floors leave fewer units than there
/// are positive weights (each leaves less than one), so every unit left goes to a
/// different part.
fn allocate_whole(
    weights: &[Decimal],
    currency: Currency,
    whole: &WholeUnits,
) -> Option<Vec<Decimal>> {
    let minor = currency.minor_units();
    let zero = currency.zero();
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut assigned: i128 = 0;
    for (index, weight) in weights.iter().enumerate() {
        if !is_positive(weight) {
            parts.push(zero);
            continue;
        }
        let (floor, remainder) = whole.share(*weight)?;
        remainders.push((remainder, index));
        assigned = assigned.checked_add(floor)?;
        parts.push(from_digits(floor.unsigned_abs(), floor < 0, minor)?);
    }
    let left = whole.total.checked_sub(assigned)?;
    if left == 0 {
        return Some(parts);
    }
    let step = Decimal::from_parts(1, 0, 0, left < 0, minor);
    let units = usize::try_from(left.unsigned_abs()).ok()?;
    give_largest(parts, &mut remainders, units, step)
}

/// The decimal with these digits, sign and scale (a scale the decimal holds: an amount's,
/// or a currency's minor units); `None` beyond the decimal's 96 bits of digits.
fn from_digits(digits: u128, negative: bool, scale: u32) -> Option<Decimal> {
    if digits >> 96 != 0 {
        return None;
    }
    Some(Decimal::from_parts(
        digits as u32,
        (digits >> 32) as u32,
        (digits >> 64) as u32,
        negative,
        scale,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn usd() -> Currency {
        Currency::from_code("USD").unwrap()
    }

    #[test]
    fn whole_numbers_are_grouped_by_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(group_thousands("-1234.50"), "-1,234.50");
    }

    #[test]
    fn percentages_drop_trailing_zeros() {
        assert_eq!(percent_text(d("5")), "5%");
        assert_eq!(percent_text(d("12.50")), "12.5%");
        assert_eq!(percent_text(d("0")), "0%");
        assert_eq!(percent_text(d("100.00")), "100%");
        assert_eq!(percent_text(d("-2.5")), "-2.5%");
        assert_eq!(percent_text(d("1000")), "1000%");
    }

    #[test]
    fn minor_units_follow_iso_4217() {
        assert_eq!(usd().minor_units(), 2);
        assert_eq!(Currency::from_code("JPY").unwrap().minor_units(), 0);
        assert_eq!(Currency::from_code("KWD").unwrap().minor_units(), 3);
        assert!(Currency::from_code("usd").is_none());
        assert!(Currency::from_code("XYZ").is_none());
    }

    #[test]
    fn rounding_prints_at_currency_scale() {
        assert_eq!(
            usd().round(d("17000"), RoundingMode::default()).to_string(),
            "17000.00"
        );
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(
            jpy.round(d("1234.5"), RoundingMode::default()).to_string(),
            "1235"
        );
        let kwd = Currency::from_code("KWD").unwrap();
        assert_eq!(
            kwd.round(d("1.0005"), RoundingMode::default()).to_string(),
            "1.001"
        );
    }

    #[test]
    fn whole_unit_shares_match_decimal_division() {
        // Integer arithmetic on minor units and decimal division split alike, remainders and
        // ties included: totals of both signs and of two magnitudes (products within 64 bits,
        // and far beyond), weights at several scales, zero weights, in currencies with 0, 2
        // and 3 minor units.
        let mut seed: u64 = 0x5eed;
        let mut next = |bound: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % bound
        };
        let mut wide = 0;
        for code in ["USD", "JPY", "KWD"] {
            let currency = Currency::from_code(code).unwrap();
            let minor = currency.minor_units();
            for case in 0..400 {
                let sign = if case % 5 == 0 { -1 } else { 1 };
                let magnitude = if case % 4 == 1 { 10_000_000_000 } else { 1 };
                let units = i64::try_from(next(10_000_000)).unwrap() * magnitude;
                let total = Decimal::new(sign * units, minor);
                let count = 1 + next(12);
                let weights: Vec<Decimal> = (0..count)
                    .map(|_| {
                        let scale = u32::try_from(next(4)).unwrap();
                        Decimal::new(i64::try_from(next(50_000)).unwrap(), scale)
                    })
                    .collect();
                let whole = WholeUnits::new(total, &weights, currency).unwrap();
                if i64::try_from(whole.total * whole.positive).is_err() {
                    wide += 1;
                }
                let by_integers = allocate_by(total, &weights, currency, Split::Whole(whole));
                let by_division =
                    allocate_by(total, &weights, currency, Split::exact(&weights).unwrap());
                assert_eq!(by_integers, by_division, "{total} over {weights:?}");
                if let Some(parts) = by_integers {
                    assert_eq!(parts.iter().sum::<Decimal>(), total);
                }
            }
        }
        // Both the 64-bit and the 128-bit division were compared.
        assert!(
            wide > 100 && wide < 1_000,
            "{wide} of 1,200 splits beyond 64 bits"
        );
    }

    #[test]
    fn allocation_beyond_whole_units_falls_back_to_decimal_division() {
        // A total with more decimals than the currency, or too large to multiply, still splits.
        assert!(WholeUnits::new(d("1.005"), &[d("1")], usd()).is_none());
        let huge = Decimal::MAX / Decimal::from(4);
        assert!(WholeUnits::new(huge.round_dp(0), &[huge.round_dp(0)], usd()).is_none());
        let parts = allocate(d("1.00"), &[huge.round_dp(0), huge.round_dp(0)], usd()).unwrap();
        assert_eq!(parts, vec![d("0.50"), d("0.50")]);
    }

    #[test]
    fn rounding_modes_differ_at_midpoints() {
        let usd = usd();
        assert_eq!(
            usd.round(d("2.345"), RoundingMode::HalfAwayFromZero),
            d("2.35")
        );
        assert_eq!(
            usd.round(d("-2.345"), RoundingMode::HalfAwayFromZero),
            d("-2.35")
        );
        assert_eq!(usd.round(d("2.345"), RoundingMode::HalfEven), d("2.34"));
        assert_eq!(usd.round(d("2.355"), RoundingMode::HalfEven), d("2.36"));
        assert_eq!(usd.round(d("2.349"), RoundingMode::TowardZero), d("2.34"));
        assert_eq!(usd.round(d("2.341"), RoundingMode::AwayFromZero), d("2.35"));
    }

    #[test]
    fn rounds_to_increments() {
        let mode = RoundingMode::HalfAwayFromZero;
        assert_eq!(mode.round_to_increment(d("4645"), d("10")), Some(d("4650")));
        assert_eq!(
            mode.round_to_increment(d("4644.99"), d("10")),
            Some(d("4640"))
        );
        assert_eq!(mode.round_to_increment(d("4644.99"), d("0")), None);
    }

    #[test]
    fn displays_with_grouping() {
        assert_eq!(usd().display(d("17000")), "USD 17,000.00");
        assert_eq!(usd().display(d("-1234567.5")), "USD -1,234,567.50");
        assert_eq!(usd().display(d("999")), "USD 999.00");
        let range = PriceRange {
            low: d("99000"),
            high: d("109000"),
        };
        assert_eq!(range.display(usd()), "USD 99,000.00 – 109,000.00");
    }

    #[test]
    fn allocation_sums_exactly() {
        // 100.00 over three equal weights: 33.34 + 33.33 + 33.33.
        let parts = allocate(d("100.00"), &[d("1"), d("1"), d("1")], usd()).unwrap();
        assert_eq!(parts, vec![d("33.34"), d("33.33"), d("33.33")]);
        // Largest remainder wins the extra cent, not the first line.
        let parts = allocate(d("0.10"), &[d("1"), d("2"), d("7")], usd()).unwrap();
        assert_eq!(parts.iter().copied().sum::<Decimal>(), d("0.10"));
        assert_eq!(parts, vec![d("0.01"), d("0.02"), d("0.07")]);
        let parts = allocate(
            d("8944.00"),
            &[d("17000"), d("38880"), d("24000"), d("99000")],
            usd(),
        )
        .unwrap();
        assert_eq!(parts.iter().copied().sum::<Decimal>(), d("8944.00"));
    }

    #[test]
    fn leftover_cents_go_to_the_largest_remainders_then_the_earliest() {
        // 1.00 over 1 : 2 : 4 is 0.142857…, 0.285714…, 0.571428…: floors 0.14 + 0.28 + 0.57
        // = 0.99; the cent left goes to the largest remainder (0.005714…, the second part).
        let parts = allocate(d("1.00"), &[d("1"), d("2"), d("4")], usd()).unwrap();
        assert_eq!(parts, vec![d("0.14"), d("0.29"), d("0.57")]);
        // 1.00 over seven equal parts: 0.14 each is 0.98; the two cents left go to the first
        // two (equal remainders keep their order), wherever the selection finds them.
        let parts = allocate(d("1.00"), &[d("3"); 7], usd()).unwrap();
        assert_eq!(
            parts,
            [d("0.15"), d("0.15")]
                .into_iter()
                .chain([d("0.14"); 5])
                .collect::<Vec<_>>()
        );
        // The same, negative: each part is rounded toward zero, the cents left go the same way.
        let parts = allocate(d("-1.00"), &[d("3"); 7], usd()).unwrap();
        assert_eq!(parts.first(), Some(&d("-0.15")));
        assert_eq!(parts.get(2), Some(&d("-0.14")));
        assert_eq!(parts.iter().copied().sum::<Decimal>(), d("-1.00"));
    }

    #[test]
    fn splitting_at_minor_units_is_rounding_toward_zero_and_what_it_left() {
        let jpy = Currency::from_code("JPY").unwrap();
        for (amount, currency, floor) in [
            ("33.333333333333333333333333333", usd(), "33.33"),
            ("-0.004", usd(), "0.00"),
            ("-1.999", usd(), "-1.99"),
            ("12.5", usd(), "12.50"),
            ("7", usd(), "7.00"),
            ("1234.5678", jpy, "1234"),
        ] {
            let amount = d(amount);
            let (split, remainder) = split_at_minor_units(amount, currency).unwrap();
            let rounded = currency.round(amount, RoundingMode::TowardZero);
            assert_eq!(split.to_string(), floor);
            assert_eq!(split.to_string(), rounded.to_string());
            // The remainder in units of 10⁻²⁸.
            let left = (amount - rounded).abs() * Decimal::from_i128_with_scale(10_i128.pow(28), 0);
            assert_eq!(Decimal::from(remainder), left.normalize());
        }
        // 0.005 left is more than 0.004 left, whatever the amounts' scales.
        let (_, a) = split_at_minor_units(d("1.005"), usd()).unwrap();
        let (_, b) = split_at_minor_units(d("2.00400000"), usd()).unwrap();
        assert!(a > b);
    }

    #[test]
    fn percentages_of_amounts_are_exact() {
        assert_eq!(percent_of(d("1500.00"), d("7.5")), Some(d("112.5")));
        assert_eq!(percent_of(d("-200"), d("5")), Some(d("-10")));
        assert_eq!(percent_of(d("0.01"), d("0.5")), Some(d("0.00005")));
        // No room for two more decimals: divided instead, to 28 significant digits.
        assert_eq!(
            percent_of(d("0.1234567890123456789012345678"), d("1")),
            Some(d("0.0012345678901234567890123457"))
        );
    }

    #[test]
    fn allocation_skips_zero_weights() {
        let parts = allocate(d("10.00"), &[d("0"), d("5"), d("5")], usd()).unwrap();
        assert_eq!(parts, vec![d("0.00"), d("5.00"), d("5.00")]);
        assert!(allocate(d("10.00"), &[d("0"), d("0")], usd()).is_none());
        assert_eq!(allocate(d("0"), &[d("0")], usd()).unwrap(), vec![d("0.00")]);
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands("1"), "1");
        assert_eq!(group_thousands("1000"), "1,000");
        assert_eq!(group_thousands("123456.789"), "123,456.789");
        assert_eq!(group_thousands("-100"), "-100");
    }

    #[test]
    fn changes_carry_their_sign() {
        let change = |low: &str, high: &str| PriceRange {
            low: d(low),
            high: d(high),
        };
        assert_eq!(
            change("7200", "7200").display_change(usd()),
            "+USD 7,200.00"
        );
        assert_eq!(
            change("-2400", "-2400").display_change(usd()),
            "-USD 2,400.00"
        );
        assert_eq!(change("0", "0").display_change(usd()), "USD 0.00");
        assert_eq!(
            change("-500", "1000").display_change(usd()),
            "-USD 500.00 – +USD 1,000.00"
        );
    }

    #[test]
    fn integer_products_are_exact_up_to_128_bits_and_none_beyond() {
        // Both operands in 64 bits: the product needs up to 126 bits and is exact.
        let big = i128::from(i64::MAX);
        assert_eq!(product(big, big), big.checked_mul(big));
        assert_eq!(product(-big, big), Some(-(big * big)));
        // Wider operands go through checked multiplication.
        assert_eq!(product(i128::MAX / 2, 2), Some(i128::MAX - 1));
        assert_eq!(product(i128::MAX / 2, 3), None);
        assert_eq!(scaled_up(12_345, 0), Some(12_345));
        assert_eq!(scaled_up(12_345, 2), Some(1_234_500));
        assert_eq!(scaled_up(7, 28), Some(7 * 10_i128.pow(28)));
        assert_eq!(scaled_up(i128::MAX / 10, 2), None);
        assert_eq!(scaled_up(1, 39), None);
    }

    #[test]
    fn integer_products_are_the_decimal_products() {
        // Every path of `times`: within 64-bit digits and 96-bit products, zero on either
        // side, negative amounts, scales 0 to 28, and products past 96 bits (rounded or
        // overflowing in the decimal multiplication).
        let amounts = [
            "0",
            "0.00",
            "-0.00",
            "1",
            "17000.00",
            "-2400.50",
            "0.0000001",
            "12345.6789",
            "18446744073709551615",
            "18446744073709551616",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "4294967296.01",
        ];
        let counts = [
            0_u64,
            1,
            2,
            3,
            60,
            1_000_000,
            u64::from(u32::MAX) + 1,
            u64::MAX,
        ];
        for amount in amounts {
            for count in counts {
                let amount = d(amount);
                let expected = amount.checked_mul(Decimal::from(count));
                let got = times(amount, count);
                assert_eq!(got, expected, "{amount} × {count}");
                if let (Some(got), Some(expected)) = (got, expected) {
                    assert_eq!(got.to_string(), expected.to_string(), "{amount} × {count}");
                }
            }
        }
    }

    #[test]
    fn a_range_with_equal_ends_rounds_and_maps_like_any_other() {
        let firm = PriceRange::firm(d("10.005"));
        let rounded = firm.round(usd(), RoundingMode::HalfAwayFromZero);
        assert_eq!(rounded, PriceRange::firm(d("10.01")));
        assert_eq!(rounded.low.scale(), 2);
        // Equal amounts at different scales are computed end by end.
        let mixed = PriceRange {
            low: d("10.0"),
            high: d("10.00"),
        };
        let doubled = mixed.try_map(|end| end.checked_mul(d("2"))).unwrap();
        assert_eq!((doubled.low.scale(), doubled.high.scale()), (1, 2));
        let range = PriceRange {
            low: d("1.004"),
            high: d("1.006"),
        };
        assert_eq!(
            range.round(usd(), RoundingMode::HalfAwayFromZero),
            PriceRange {
                low: d("1.00"),
                high: d("1.01")
            }
        );
    }
}
