//! Percent-encoding (RFC 3986) for text put into a URL: the unreserved characters
//! (`A–Z a–z 0–9 - . _ ~`) stay as they are, every other byte of the UTF-8 text becomes `%XX`.
//! Used for GitLab's new-issue link and the web app's hash routes.

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Encodes every byte but the unreserved characters as `%XX` (upper-case hex).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            for nibble in [byte >> 4, byte & 0x0f] {
                if let Some(&digit) = HEX.get(usize::from(nibble)) {
                    out.push(char::from(digit));
                }
            }
        }
    }
    out
}

/// Decodes `%XX` sequences (either case of hex); a malformed one is kept as written, and
/// bytes that are not UTF-8 once decoded become U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let escaped = (byte == b'%')
            .then(|| {
                let high = hex_value(*bytes.get(index + 1)?)?;
                let low = hex_value(*bytes.get(index + 2)?)?;
                Some((high << 4) | low)
            })
            .flatten();
        match escaped {
            Some(decoded) => {
                out.push(decoded);
                index += 3;
            }
            None => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreserved_characters_stay_and_the_rest_is_escaped() {
        assert_eq!(percent_encode(""), "");
        assert_eq!(percent_encode("GL-CICD_R.1~"), "GL-CICD_R.1~");
        assert_eq!(percent_encode("a b&c=d/e?"), "a%20b%26c%3Dd%2Fe%3F");
        assert_eq!(percent_encode("MIG+"), "MIG%2B");
        assert_eq!(percent_encode("100%"), "100%25");
        assert_eq!(percent_encode("{x}"), "%7Bx%7D");
    }

    #[test]
    fn non_ascii_text_is_escaped_byte_by_byte() {
        assert_eq!(percent_encode("é"), "%C3%A9");
        assert_eq!(percent_encode("–"), "%E2%80%93");
        assert_eq!(percent_encode("日本"), "%E6%97%A5%E6%9C%AC");
    }

    #[test]
    fn decoding_reverses_encoding() {
        for text in [
            "",
            "GL-CICD-R",
            "a b&c",
            "Zürich – 100%",
            "日本",
            "{a{b}}",
            "%zz",
        ] {
            assert_eq!(percent_decode(&percent_encode(text)), text, "{text}");
        }
    }

    #[test]
    fn malformed_escapes_are_kept_and_lower_case_hex_is_read() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%2"), "%2");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        assert_eq!(percent_decode("%c3%a9"), "é");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
    }
}
