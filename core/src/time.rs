//! The signing instant. The core reads no clock: callers pass the time in,
//! as epoch milliseconds or an RFC 3339 string, and each provider renders it
//! in its own format (NAVER: epoch milliseconds; Huawei: `20261122T101500Z`).

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;

/// An instant, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(i64);

/// Years outside 0001..=9999 cannot be written in the vendors' formats.
const MIN_MS: i64 = -62_135_596_800_000; // 0001-01-01T00:00:00Z
const MAX_MS: i64 = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

impl Timestamp {
    /// From epoch milliseconds; `None` outside years 1..=9999.
    #[must_use]
    pub fn from_millis(ms: i64) -> Option<Self> {
        (MIN_MS..=MAX_MS).contains(&ms).then_some(Timestamp(ms))
    }

    /// Epoch milliseconds.
    #[must_use]
    pub fn millis(self) -> i64 {
        self.0
    }

    /// Parses RFC 3339 (`2026-11-22T10:15:00Z`, `2026-11-22T11:15:00.250+01:00`).
    ///
    /// # Errors
    /// A description of what is wrong.
    pub fn parse_rfc3339(s: &str) -> Result<Self, &'static str> {
        let b = s.as_bytes();
        let num = |from: usize, len: usize| -> Result<i64, &'static str> {
            let digits = b.get(from..from + len).ok_or("is too short for RFC 3339")?;
            digits.iter().try_fold(0i64, |acc, d| {
                d.is_ascii_digit()
                    .then(|| acc * 10 + i64::from(d - b'0'))
                    .ok_or("expected YYYY-MM-DDTHH:MM:SSZ")
            })
        };
        let sep = |at: usize, allowed: &[u8]| b.get(at).is_some_and(|c| allowed.contains(c));
        if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
            return Err("expected YYYY-MM-DDTHH:MM:SSZ");
        }
        let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
        let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err("has no such date");
        }
        if hour > 23 || minute > 59 || second > 60 {
            return Err("has no such time of day");
        }
        let mut at = 19;
        let mut millis = 0;
        if sep(at, b".") {
            let start = at + 1;
            at = start;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            if at == start {
                return Err("has an empty fraction of a second");
            }
            let frac = &s[start..at.min(start + 3)];
            millis = frac.parse::<i64>().map_err(|_| "has a bad fraction")?
                * 10i64.pow(3 - frac.len() as u32);
        }
        let offset_minutes = match b.get(at) {
            Some(b'Z' | b'z') if at + 1 == b.len() => 0,
            Some(sign @ (b'+' | b'-')) if at + 6 == b.len() && sep(at + 3, b":") => {
                let (hours, minutes) = (num(at + 1, 2)?, num(at + 4, 2)?);
                // RFC 3339 time-numoffset: hours 00-23, minutes 00-59 (fuzz finding 2).
                if hours > 23 || minutes > 59 {
                    return Err("has a time zone offset beyond ±23:59");
                }
                let minutes = hours * 60 + minutes;
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return Err("needs a time zone: Z or ±HH:MM"),
        };
        // A leap second is read as the last second of the minute.
        let seconds = days_from_civil(year, month, day) * 86_400
            + hour * 3_600
            + minute * 60
            + second.min(59)
            - offset_minutes * 60;
        Timestamp::from_millis(seconds * 1_000 + millis).ok_or("is outside years 1 to 9999")
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC (Huawei's `X-Sdk-Date`).
    #[must_use]
    pub fn basic_utc(self) -> String {
        let seconds = self.0.div_euclid(1_000);
        let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        format!(
            "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
            rest / 3_600,
            rest % 3_600 / 60,
            rest % 60
        )
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    /// Epoch milliseconds (a number) or an RFC 3339 string.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;
        impl Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("epoch milliseconds or an RFC 3339 date-time")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
                Timestamp::from_millis(v)
                    .ok_or_else(|| E::custom("timestamp is outside years 1 to 9999"))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
                i64::try_from(v)
                    .ok()
                    .and_then(Timestamp::from_millis)
                    .ok_or_else(|| E::custom("timestamp is outside years 1 to 9999"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
                if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
                    #[allow(clippy::cast_possible_truncation)]
                    self.visit_i64(v as i64)
                } else {
                    Err(E::custom("timestamp must be whole epoch milliseconds"))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse_rfc3339(v).map_err(|why| E::custom(format!("timestamp {why}")))
            }
        }
        d.deserialize_any(TimestampVisitor)
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trips_to_both_vendor_formats() {
        let t = Timestamp::parse_rfc3339("2026-11-22T10:15:00Z").unwrap();
        assert_eq!(t.millis(), 1_795_342_500_000);
        assert_eq!(t.basic_utc(), "20261122T101500Z");
        let offset = Timestamp::parse_rfc3339("2026-11-22T11:15:00.25+01:00").unwrap();
        assert_eq!(offset.millis(), 1_795_342_500_250);
        assert_eq!(
            Timestamp::parse_rfc3339("1970-01-01T00:00:00Z")
                .unwrap()
                .millis(),
            0
        );
        assert_eq!(
            Timestamp::from_millis(-1).unwrap().basic_utc(),
            "19691231T235959Z"
        );
        assert_eq!(
            Timestamp::parse_rfc3339("2024-02-29T23:59:59Z")
                .unwrap()
                .basic_utc(),
            "20240229T235959Z"
        );
    }

    #[test]
    fn bad_dates_are_errors() {
        for bad in [
            "",
            "2026-11-22",
            "2026-11-22T10:15:00",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-22T24:00:00Z",
            "2026-11-22T10:15:00.Z",
            "2026-11-22T10:15:00+0100",
            "２026-11-22T10:15:00Z",
            "2026-11-22T10:15:00Zjunk",
        ] {
            assert!(Timestamp::parse_rfc3339(bad).is_err(), "{bad:?}");
        }
        assert!(Timestamp::from_millis(i64::MAX).is_none());
    }

    #[test]
    fn civil_conversion_agrees_both_ways() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
