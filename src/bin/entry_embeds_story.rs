//! The essay's charts alone under /embed/<chart>, for an iframe in someone else's page.

fn main() {
    headstart::start(headstart::pages::story_embeds());
}
