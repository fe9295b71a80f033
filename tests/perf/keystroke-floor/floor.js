// Writes the new total as soon as the quantity changes: no pricing, no rendering framework.
const field = document.getElementById('line-0-quantity');
const total = document.getElementById('quote-total');
field.addEventListener('input', () => {
  total.textContent = field.value;
});
