/* Palabre's maps, on Leaflet (loaded before this file, from our own
 * /static/). Two uses, both enhancements of a page that works without
 * JavaScript:
 * - #proposal-map: the located proposals listed in #located
 *   (li[data-lat][data-lon] holding a link) become markers;
 * - a form with #f-latitude and #f-longitude gets a map to pick the place:
 *   a click, or the "place it here" button (the map's centre, for keyboards),
 *   fills both fields; typing in them moves the marker.
 * Settings come from this script tag's data- attributes (tile address,
 * attribution, labels, centre), so no inline script is needed (CSP). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || typeof L === "undefined") {
    return;
  }
  var conf = script.dataset;
  var centre = (conf.centre || "46.6,2.5").split(",").map(Number);
  var zoom = Number(conf.zoom || 5);

  function base(element, label) {
    element.classList.add("map");
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", label);
    var map = L.map(element, { scrollWheelZoom: false }).setView(centre, zoom);
    var credit = document.createElement("a");
    credit.href = "https://www.openstreetmap.org/copyright";
    credit.textContent = conf.attribution;
    L.tileLayer(conf.tiles, { maxZoom: 19, attribution: credit.outerHTML }).addTo(map);
    return map;
  }

  function located() {
    var element = document.getElementById("proposal-map");
    if (!element) {
      return;
    }
    var map = base(element, conf.label);
    var points = [];
    document.querySelectorAll("#located [data-lat][data-lon]").forEach(function (item) {
      var lat = Number(item.dataset.lat);
      var lon = Number(item.dataset.lon);
      var link = item.querySelector("a");
      if (!isFinite(lat) || !isFinite(lon) || !link) {
        return;
      }
      var popup = document.createElement("a");
      popup.href = link.getAttribute("href");
      popup.textContent = link.textContent;
      L.marker([lat, lon], { title: link.textContent, alt: link.textContent })
        .bindPopup(popup)
        .addTo(map);
      points.push([lat, lon]);
    });
    if (points.length > 1) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
    } else if (points.length === 1) {
      map.setView(points[0], 16);
    }
  }

  function picker() {
    var lat = document.getElementById("f-latitude");
    var lon = document.getElementById("f-longitude");
    if (!lat || !lon) {
      return;
    }
    var field = lon.closest(".field") || lon.parentNode;
    var element = document.createElement("div");
    element.className = "map map-picker";
    var help = document.createElement("p");
    help.className = "hint";
    help.textContent = conf.pick;
    var here = document.createElement("button");
    here.type = "button";
    here.className = "button secondary";
    here.textContent = conf.here;
    field.parentNode.insertBefore(help, field.nextSibling);
    help.parentNode.insertBefore(element, help.nextSibling);
    element.parentNode.insertBefore(here, element.nextSibling);
    var map = base(element, conf.pick);
    var marker = null;

    function typed() {
      var a = Number(lat.value.replace(",", "."));
      var b = Number(lon.value.replace(",", "."));
      if (lat.value.trim() === "" || lon.value.trim() === "" || !isFinite(a) || !isFinite(b)) {
        return null;
      }
      return [a, b];
    }

    function place(point, fill) {
      if (marker) {
        marker.setLatLng(point);
      } else {
        marker = L.marker(point, { draggable: true, keyboard: true, title: conf.pick }).addTo(map);
        marker.on("dragend", function () {
          place(marker.getLatLng(), true);
        });
      }
      if (fill) {
        var p = L.latLng(point);
        lat.value = p.lat.toFixed(6);
        lon.value = p.lng.toFixed(6);
      }
    }

    var start = typed();
    if (start) {
      place(start, false);
      map.setView(start, 16);
    }
    map.on("click", function (event) {
      place(event.latlng, true);
    });
    here.addEventListener("click", function () {
      place(map.getCenter(), true);
    });
    [lat, lon].forEach(function (input) {
      input.addEventListener("change", function () {
        var point = typed();
        if (point) {
          place(point, false);
          map.setView(point, Math.max(map.getZoom(), 15));
        }
      });
    });
  }

  located();
  picker();
})();
