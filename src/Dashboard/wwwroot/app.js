// Choosing a year, a unit or an area submits its filter form (no inline handlers: the Content-Security-Policy allows
// scripts from this site only). A delegated listener keeps working after Blazor's enhanced navigation swaps the page.
document.addEventListener('change', event => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && select.hasAttribute('data-autosubmit') && select.form) {
        select.form.requestSubmit();
    }
});

// On a phone the navigation folds under one button (CSS hides it only when this script runs: html.js).
document.documentElement.classList.add('js');
document.addEventListener('click', event => {
    const toggle = event.target instanceof Element ? event.target.closest('.menu-toggle') : null;
    if (!toggle) {
        return;
    }
    const nav = document.getElementById(toggle.getAttribute('aria-controls'));
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    nav?.classList.toggle('open', open);
});
