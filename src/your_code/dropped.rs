//! Dropped folders: a drop hands the page entries, not files, and a folder's files have to be
//! walked out of it through the File System entries API, which only JavaScript callbacks reach.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransferItemList, File};

#[wasm_bindgen(inline_js = r#"
export async function droppedFiles(items) {
  const files = [], paths = [];
  const read = (reader) => new Promise((done, fail) => reader.readEntries(done, fail));
  async function walk(entry, prefix) {
    if (entry.isFile) {
      files.push(await new Promise((done, fail) => entry.file(done, fail)));
      paths.push(prefix + entry.name);
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      // A directory hands out its entries in batches until an empty one.
      for (let batch = await read(reader); batch.length; batch = await read(reader)) {
        for (const child of batch) await walk(child, prefix + entry.name + "/");
      }
    }
  }
  // Everything is taken from the items before the first await, while the drop event lasts.
  const entries = Array.from(items, (item) => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter(Boolean);
  if (!entries.length) {
    // Items without entries (some browsers, scripted drops): their files, without folders.
    for (const file of Array.from(items, (item) => item.getAsFile()).filter(Boolean)) {
      files.push(file);
      paths.push(file.name);
    }
  }
  for (const entry of entries) await walk(entry, "");
  return [files, paths];
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = droppedFiles)]
    fn dropped_files(items: &DataTransferItemList) -> js_sys::Promise;
}

/// Every file dropped, folders walked, with its path inside what was dropped. Call it in the drop
/// handler itself: the browser withdraws the items once the event is over, so the entries are
/// taken now and only their reading waits.
pub fn dropped(
    items: &DataTransferItemList,
) -> impl std::future::Future<Output = Result<(Vec<File>, Vec<String>), String>> {
    let walking = JsFuture::from(dropped_files(items));
    async move {
        let pair =
            walking.await.map_err(|_| "the browser would not hand over what was dropped".to_owned())?;
        let pair: js_sys::Array = pair.unchecked_into();
        let files =
            js_sys::Array::from(&pair.get(0)).iter().filter_map(|f| f.dyn_into::<File>().ok()).collect();
        let paths = js_sys::Array::from(&pair.get(1)).iter().filter_map(|p| p.as_string()).collect();
        Ok((files, paths))
    }
}
