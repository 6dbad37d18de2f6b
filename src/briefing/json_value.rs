//! serde_json's `Value`, built by a visitor that also notes whether any object repeats a
//! key (serde_json keeps the last one silently). A file with no repeat and no problem then
//! needs no second pass over its text to place diagnostics (`locate::scan`).

use std::cell::Cell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// The value of `text`, and whether some object in it repeats a key.
pub(crate) fn from_str(text: &str) -> Result<(Value, bool), serde_json::Error> {
    let repeated = Cell::new(false);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = ValueSeed(&repeated).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok((value, repeated.get()))
}

#[derive(Clone, Copy)]
struct ValueSeed<'a>(&'a Cell<bool>);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E: Error>(self, value: f64) -> Result<Value, E> {
        // serde_json hands over only finite numbers; NaN would be a bug of ours to report.
        Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(self)?;
            if members.insert(key, value).is_some() {
                self.0.set(true);
            }
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    #[test]
    fn the_value_is_serde_jsons_and_repeats_are_noted() {
        for text in [
            r#"{"a": [1, -2, 3.5, true, null, "x\u00e9"], "b": {"c": {}}, "d": []}"#,
            r#"[{"k": 1}, {"k": 2}]"#,
            r#""only a string""#,
            "18446744073709551615",
        ] {
            let parsed = from_str(text).map_err(|e| e.to_string());
            let expected: Value = serde_json::from_str(text).expect("valid JSON");
            assert_eq!(parsed, Ok((expected, false)), "{text}");
        }
        for text in [
            r#"{"a": 1, "a": 2}"#,
            r#"{"x": [{"b": 1, "c": 2, "b": 3}]}"#,
            r#"{"\u0061": 1, "a": 2}"#,
        ] {
            let (value, repeated) = from_str(text).expect("valid JSON");
            assert!(repeated, "{text}");
            assert_eq!(value, serde_json::from_str::<Value>(text).expect("valid"));
        }
    }

    #[test]
    fn errors_are_serde_jsons() {
        for text in [r#"{"a": 1,}"#, "[1, 2", r#"{"a" 1}"#, "{} {}", "nul"] {
            let ours = from_str(text).map(|_| ()).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Value>(text)
                .map(|_| ())
                .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
        }
    }
}
