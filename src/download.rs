//! Files made in the page and handed to the reader: a chart's SVG and CSV as they are, its PNG by
//! drawing the SVG onto a canvas at twice its size. Nothing is fetched.

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

/// Saves `text` as a file called `name`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    save_blob(name, &blob)
}

fn save_blob(name: &str, blob: &Blob) -> Result<(), String> {
    let url = Url::create_object_url_with_blob(blob).map_err(describe)?;
    let anchor: HtmlAnchorElement = document().create_element("a").map_err(describe)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The click has started the download; the URL is no longer needed once it has been read.
    let revoke = Closure::once_into_js(move || Url::revoke_object_url(&url));
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        .map_err(describe)?;
    Ok(())
}

/// Renders `svg` (width × height) to a PNG at twice the size and saves it; every error, now or
/// once the drawing finishes, arrives through `on_error`.
pub fn save_png(name: &str, svg: &str, (width, height): (u32, u32), on_error: impl Fn(String) + 'static) {
    let on_error: Rc<dyn Fn(String)> = Rc::new(on_error);
    let image = match HtmlImageElement::new() {
        Ok(image) => image,
        Err(error) => return on_error(describe(error)),
    };
    let (drawn, name, failed) = (image.clone(), name.to_owned(), on_error.clone());
    let onload = Closure::once_into_js(move || {
        if let Err(message) = draw(&drawn, &name, width * 2, height * 2, failed.clone()) {
            failed(message);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let onerror = Closure::once_into_js(move || {
        on_error("the browser could not draw the chart as an image".to_owned())
    });
    image.set_onerror(Some(onerror.unchecked_ref()));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg)));
}

fn draw(
    image: &HtmlImageElement,
    name: &str,
    width: u32,
    height: u32,
    on_error: Rc<dyn Fn(String)>,
) -> Result<(), String> {
    let canvas: HtmlCanvasElement = document().create_element("canvas").map_err(describe)?.unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").map_err(describe)?.ok_or("this browser has no 2D canvas")?.unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width as f64, height as f64)
        .map_err(describe)?;
    let name = name.to_owned();
    let saved = Closure::once_into_js(move |blob: Option<Blob>| {
        let saved = blob
            .ok_or_else(|| "the browser made no image".to_owned())
            .and_then(|blob| save_blob(&name, &blob));
        if let Err(message) = saved {
            on_error(message);
        }
    });
    canvas.to_blob(saved.unchecked_ref()).map_err(describe)
}

fn describe(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| js_sys::JSON::stringify(&error).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "an unknown error".into())
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a window")
}

fn document() -> web_sys::Document {
    window().document().expect("a window has a document")
}
