/* Palabre's maps, on Leaflet (loaded before this file, from our own
 * /static/). Three uses, each an enhancement of a page that works without
 * JavaScript:
 * - #proposal-map: the located proposals listed in #located
 *   (li[data-lat][data-lon] holding a link) become markers;
 * - [data-map-point="lat,lon"]: one place (a proposal's), a small map with
 *   its marker, beside the place written out;
 * - a form with #f-latitude and #f-longitude gets a map to pick the place:
 *   a click, the "place it here" button (the map's centre, for keyboards)
 *   or "find the address" (#f-address, looked up in the national address
 *   base) fills both fields, which fold away under "type the coordinates";
 *   typing in them moves the marker.
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

  function point() {
    document.querySelectorAll("[data-map-point]").forEach(function (element) {
      var at = element.dataset.mapPoint.split(",").map(Number);
      if (at.length !== 2 || !isFinite(at[0]) || !isFinite(at[1])) {
        return;
      }
      var map = base(element, conf.place);
      map.setView(at, 16);
      L.marker(at, { title: conf.place, alt: conf.place, keyboard: false }).addTo(map);
    });
  }

  function picker() {
    var lat = document.getElementById("f-latitude");
    var lon = document.getElementById("f-longitude");
    if (!lat || !lon) {
      return;
    }
    // The two coordinates fold away: the map fills them. They stay open
    // when one of them was refused.
    var latField = lat.closest(".field") || lat.parentNode;
    var lonField = lon.closest(".field") || lon.parentNode;
    var fold = document.createElement("details");
    fold.className = "coordinates";
    var title = document.createElement("summary");
    title.textContent = conf.coordinates;
    fold.appendChild(title);
    latField.parentNode.insertBefore(fold, latField);
    fold.appendChild(latField);
    fold.appendChild(lonField);
    fold.open = lat.getAttribute("aria-invalid") === "true" || lon.getAttribute("aria-invalid") === "true";

    var element = document.createElement("div");
    element.className = "map map-picker";
    var help = document.createElement("p");
    help.className = "hint";
    help.textContent = conf.pick;
    var here = document.createElement("button");
    here.type = "button";
    here.className = "button secondary";
    here.textContent = conf.here;
    fold.parentNode.insertBefore(help, fold);
    fold.parentNode.insertBefore(element, fold);
    fold.parentNode.insertBefore(here, fold);
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

    // The address, looked up only when asked (what is typed leaves the
    // page only then).
    var address = document.getElementById("f-address");
    if (!address || !conf.geocoder || !window.fetch) {
      return;
    }
    var addressField = address.closest(".field") || address.parentNode;
    var locate = document.createElement("button");
    locate.type = "button";
    locate.className = "button secondary";
    locate.textContent = conf.locate;
    var said = document.createElement("p");
    said.className = "hint";
    said.setAttribute("role", "status");
    addressField.appendChild(locate);
    addressField.appendChild(said);
    locate.addEventListener("click", function () {
      var q = address.value.trim();
      if (q.length < 3) {
        said.textContent = conf.notFound;
        return;
      }
      var c = map.getCenter();
      var url = conf.geocoder + "?limit=1&q=" + encodeURIComponent(q) +
        "&lat=" + c.lat.toFixed(5) + "&lon=" + c.lng.toFixed(5);
      locate.disabled = true;
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (found) {
          var first = found && found.features && found.features[0];
          var at = first && first.geometry && first.geometry.coordinates;
          if (!at || !isFinite(at[0]) || !isFinite(at[1])) {
            said.textContent = conf.notFound;
            return;
          }
          var point = [Number(at[1]), Number(at[0])];
          place(point, true);
          map.setView(point, 17);
          var label = first.properties && first.properties.label;
          said.textContent = (label ? label + " · " : "") + conf.found;
        })
        .catch(function () {
          said.textContent = conf.notFound;
        })
        .then(function () {
          locate.disabled = false;
        });
    });
  }

  located();
  point();
  picker();
})();
