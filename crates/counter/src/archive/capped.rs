//! A reader that fails once a stream goes past a number of bytes. Inflating readers produce what
//! the compressed data says, whatever sizes the archive declares, so this cap is what keeps a
//! bomb from filling the tab's memory.

use std::io::{self, Read};

pub(crate) struct Capped<R> {
    inner: R,
    left: u64,
    over: bool,
    failed: bool,
}

impl<R: Read> Capped<R> {
    pub fn new(inner: R, cap: u64) -> Self {
        Capped { inner, left: cap, over: false, failed: false }
    }

    /// Whether the stream went on past the cap (the reason a read failed, if it did).
    pub fn over(&self) -> bool {
        self.over
    }

    /// Whether the stream beneath failed (the reason a read failed, if it did).
    pub fn failed(&self) -> bool {
        self.failed
    }

    fn inner_read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).inspect_err(|_| self.failed = true)
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // One byte more tells a stream that ends at the cap, whose reader then checks its
            // CRC, from one that goes on.
            return match self.inner_read(&mut [0])? {
                0 => Ok(0),
                _ => {
                    self.over = true;
                    Err(io::Error::other("the stream goes past its cap"))
                }
            };
        }
        let room = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner_read(&mut buf[..room])?;
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_at_its_cap_ends_and_one_past_it_fails() {
        let mut at = Capped::new(&b"abcd"[..], 4);
        let mut out = Vec::new();
        assert_eq!(at.read_to_end(&mut out).unwrap(), 4);
        assert!(!at.over());
        let mut past = Capped::new(&b"abcde"[..], 4);
        assert!(past.read_to_end(&mut Vec::new()).is_err());
        assert!(past.over());
        let mut broken = Capped::new(Broken, 4);
        assert!(broken.read_to_end(&mut Vec::new()).is_err());
        assert!(broken.failed() && !broken.over(), "a failing stream is not an overflowing one");
        assert!(!at.failed() && !past.failed());
    }

    struct Broken;

    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::InvalidData))
        }
    }
}
