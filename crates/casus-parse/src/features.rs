//! Stable feature hashing. Each token's strings (lower-case form, form,
//! affixes, shape) are hashed once per sentence; a feature is then a few
//! integer mixes of a template id and those hashes, tag ids or counts, so
//! no string is touched per feature. The mixes are fixed functions: the
//! same feature gets the same bucket on every run and platform, which
//! keeps training deterministic and the stored model valid.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The murmur3 64-bit finaliser: every input bit reaches every output bit.
#[inline]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hashes a string (FNV-1a, then mixed).
#[inline]
pub fn str_hash(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    fmix(h)
}

/// A feature of template `t` with no value (a bias).
#[inline]
pub fn f0(t: u32) -> u64 {
    fmix((t as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// A feature of template `t` and one value.
#[inline]
pub fn f1(t: u32, a: u64) -> u64 {
    fmix(f0(t) ^ a)
}

/// A feature of template `t` and two values (order matters).
#[inline]
pub fn f2(t: u32, a: u64, b: u64) -> u64 {
    fmix(f1(t, a) ^ b)
}

#[inline]
pub fn f3(t: u32, a: u64, b: u64, c: u64) -> u64 {
    fmix(f2(t, a, b) ^ c)
}

#[inline]
pub fn f4(t: u32, a: u64, b: u64, c: u64, d: u64) -> u64 {
    fmix(f3(t, a, b, c) ^ d)
}

/// Word shape hash: X for upper, x for lower, d for digits, other
/// characters as they are, runs collapsed ("McCain-2" is "XxXx-d").
pub fn shape_hash(w: &str) -> u64 {
    let mut h = FNV_OFFSET;
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
            h ^= k as u64;
            h = h.wrapping_mul(FNV_PRIME);
            last = k;
        }
    }
    fmix(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn features_separate_templates_orders_and_shapes() {
        assert_ne!(f2(1, 5, 7), f2(1, 7, 5));
        assert_ne!(f1(1, 5), f1(2, 5));
        assert_ne!(f1(1, 0), f0(1));
        assert_eq!(f1(3, str_hash("x")), f1(3, str_hash("x")));
        assert_eq!(shape_hash("McCain-2"), shape_hash("AbCde-77"));
        assert_ne!(shape_hash("McCain-2"), shape_hash("Mccain-2"));
        // A fixed value (computed independently): a changed hash or mix
        // would silently invalidate every stored model.
        assert_eq!(f1(3, str_hash("troops")), 0xe878_8c13_5870_f46a);
    }
}
