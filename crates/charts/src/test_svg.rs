//! Reading a chart's SVG back in unit tests: what its text says.

/// Every `<text>` element's content, unescaped, in document order.
pub fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let body = &rest[rest.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().to_owned())
        })
        .map(|t| t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"))
        .collect()
}

/// How many elements carry the fill `colour`.
pub fn filled(svg: &str, colour: &str) -> usize {
    svg.matches(&format!(r#"fill="{colour}""#)).count()
}
