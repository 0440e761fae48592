// "Copy USB Key ID" and "Copy Computer Key": the text is shown and selectable anyway, so without
// JavaScript (or without clipboard access) nothing is lost.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button.copy');
  if (!button || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
    var label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = label; }, 1500);
  });
});
