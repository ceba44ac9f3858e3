// Schakel social map: "Dichtbij mij" asks the phone for its location and sorts the services by distance
// from it. The location goes to the server only in this search and is not stored. Without this script
// the postcode field does the same.
(function () {
  'use strict';
  var form = document.querySelector('form.map-search');
  var button = document.getElementById('near-me');
  if (!form || !button || !navigator.geolocation) { return; }
  button.hidden = false;
  button.addEventListener('click', function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.lat.value = position.coords.latitude.toFixed(5);
      form.elements.lon.value = position.coords.longitude.toFixed(5);
      form.elements.sorteer.value = 'distance';
      form.submit();
    }, function () {
      button.disabled = false;
      button.textContent = button.getAttribute('data-failed');
    }, { timeout: 10000, maximumAge: 60000 });
  });
})();
