// Applies SQL migrations in order. Kept small for the example.
console.log('migrations applied');
