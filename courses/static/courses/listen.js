/* "Listen" controls (courses/_listen.html): opening one plays its clip, so one tap is enough, and
 * closing it or opening another stops the first. Without JavaScript the <details> still reveals the
 * player. Nothing is downloaded before the tap: the players have preload="none". */
(function () {
    "use strict";
    document.addEventListener("toggle", function (event) {
        var box = event.target;
        if (!box.matches || !box.matches("details[data-listen]")) { return; }
        var audio = box.querySelector("audio");
        if (!box.open) { audio.pause(); return; }
        document.querySelectorAll("details[data-listen][open]").forEach(function (other) {
            if (other !== box) { other.open = false; }
        });
        var playing = audio.play();
        if (playing && playing.catch) { playing.catch(function () {}); }
    }, true);
})();
