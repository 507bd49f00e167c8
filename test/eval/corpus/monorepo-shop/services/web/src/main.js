document.body.textContent = 'shop';
