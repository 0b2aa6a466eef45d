// Choosing a year, a unit or an area submits its filter form (no inline handlers: the Content-Security-Policy allows
// scripts from this site only). A delegated listener keeps working after Blazor's enhanced navigation swaps the page.
document.addEventListener('change', event => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && select.hasAttribute('data-autosubmit') && select.form) {
        select.form.requestSubmit();
    }
});
