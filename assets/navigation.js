// A real top-level POST to our own /api routes (login finish, logout): same-origin forms only,
// so another site cannot log a visitor in or out with a link.
window.socialshopPost = function (url, fields) {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = url;
  form.style.display = "none";
  for (const [name, value] of Object.entries(fields || {})) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
};
