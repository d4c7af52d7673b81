//! Stable feature hashing (FNV-1a, 64 bit): the same feature gets the same
//! bucket on every run and platform, which keeps training deterministic.

pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Hashes a template id and its string parts.
#[inline]
pub fn hash(template: u8, parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET ^ template as u64;
    h = h.wrapping_mul(FNV_PRIME);
    for p in parts {
        for &b in p.as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
        // A separator so that ("ab","c") differs from ("a","bc").
        h ^= 0xff;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Hashes a template id and small integers (tag ids, labels, distances).
#[inline]
pub fn hash_ints(template: u8, parts: &[u32]) -> u64 {
    let mut h = FNV_OFFSET ^ ((template as u64) << 8 | 0x5a);
    h = h.wrapping_mul(FNV_PRIME);
    for &p in parts {
        for b in p.to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// Combines a hash with an integer (e.g. a word hash with a tag).
#[inline]
pub fn mix(h: u64, x: u32) -> u64 {
    let mut h = h ^ (x as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h = h.wrapping_mul(FNV_PRIME);
    h ^ (h >> 29)
}

/// Word shape: X for upper, x for lower, d for digits, runs collapsed.
pub fn shape(w: &str) -> String {
    let mut s = String::new();
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            s.push(k);
            last = k;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn hash_separates_parts_and_is_stable() {
        assert_ne!(hash(1, &["ab", "c"]), hash(1, &["a", "bc"]));
        assert_ne!(hash(1, &["a"]), hash(2, &["a"]));
        assert_eq!(hash(3, &["x"]), hash(3, &["x"]));
        assert_eq!(shape("McCain-2"), "XxXx-d");
    }
}
