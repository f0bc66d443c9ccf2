// The body chart moves focus between muscle thirds with the arrow keys (BodyChart.razor). Blazor can
// only cancel every key or none, and cancelling Tab would trap focus, so the keys the chart uses are
// kept from scrolling the page here.
document.addEventListener("keydown", (event) => {
    const chartKeys = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", " "];
    if (event.target instanceof Element && event.target.classList.contains("bc-zone") && chartKeys.includes(event.key)) {
        event.preventDefault();
    }
});
