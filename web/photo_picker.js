// window.bhabinPhotoPicker: the device's camera or gallery, for a report's photo.
//   openNow() opens the chooser; browsers allow that only while handling the person's tap, so the input
//             listeners call it as a tap on the photo button ends (src/app/browser_input.cpp).
//   pick(maxEdge, quality) → Promise of { bytes: Uint8Array, width, height }, or null when the person closed
//             the chooser without picking. Takes the chooser openNow() opened just before, or opens one.
//             Draws the chosen picture upright (its orientation tag applied) at most maxEdge pixels on its
//             longer side and encodes those pixels as a new JPEG. Only pixels cross over, so nothing of the
//             original file survives: no Exif (GPS position, time, device), no XMP, no comments. Rejects with
//             an Error when the browser cannot read the file as a picture.
'use strict';

(function photoPicker() {
  const FRESH_MS = 2000; // a chooser opened by a tap belongs to the pick that tap causes a frame later
  let input = null;
  let opened = null; // { file: Promise<File|null>, at: time opened }

  function chooserInput() {
    if (input) return input;
    input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.id = 'bhabin-photo-input';
    input.style.display = 'none';
    document.body.appendChild(input);
    return input;
  }

  function chooseFile() {
    return new Promise((resolve) => {
      const chooser = chooserInput();
      chooser.value = '';
      const settle = (file) => {
        chooser.onchange = null;
        chooser.oncancel = null;
        resolve(file);
      };
      chooser.onchange = () => settle(chooser.files && chooser.files.length ? chooser.files[0] : null);
      chooser.oncancel = () => settle(null);
      chooser.click();
    });
  }

  function encodeJpeg(canvas, quality) {
    return new Promise((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
        'image/jpeg', quality);
    });
  }

  async function shrink(file, maxEdge, quality) {
    const picture = await createImageBitmap(file, { imageOrientation: 'from-image' });
    try {
      const scale = Math.min(1, maxEdge / Math.max(picture.width, picture.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(picture.width * scale));
      canvas.height = Math.max(1, Math.round(picture.height * scale));
      const context = canvas.getContext('2d');
      context.imageSmoothingQuality = 'high';
      context.drawImage(picture, 0, 0, canvas.width, canvas.height);
      const blob = await encodeJpeg(canvas, quality);
      return { bytes: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
    } finally {
      picture.close();
    }
  }

  window.bhabinPhotoPicker = {
    openNow() {
      opened = { file: chooseFile(), at: Date.now() };
    },
    async pick(maxEdge, quality) {
      const fresh = opened && Date.now() - opened.at < FRESH_MS ? opened.file : null;
      opened = null;
      const file = await (fresh || chooseFile());
      return file ? shrink(file, maxEdge, quality) : null;
    },
  };
})();
