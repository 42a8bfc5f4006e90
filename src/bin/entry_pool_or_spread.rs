//! The page `pool-or-spread` alone, so its reader downloads only its code.

fn main() {
    headstart::start(headstart::pages::pool_or_spread());
}
