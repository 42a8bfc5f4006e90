// Headstart embeds: paste once into a page that embeds Headstart charts. Each embedded chart
// posts { type: "headstart:height", height } whenever its content changes height; this sizes
// the iframe that sent it, so the chart is never cut off or padded. See docs/embedding.md.
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "headstart:height" || !(data.height > 0)) return;
  for (const frame of document.getElementsByTagName("iframe")) {
    if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + "px";
  }
});
