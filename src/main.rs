//! Every page and the embeds in one bundle: what `scripts/serve` (`trunk serve` on index.html)
//! runs while developing. The release bundle has one entry per page instead (src/bin/).

fn main() {
    headstart::start(headstart::pages::every());
}
