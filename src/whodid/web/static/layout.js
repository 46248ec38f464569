// Filter forms fold away on a phone and stand open on a wider screen (and whenever a filter is set).
"use strict";
(function () {
  const wide = window.matchMedia("(min-width: 641px)").matches;
  for (const box of document.querySelectorAll("details.filter-box")) if (wide) box.open = true;
})();
