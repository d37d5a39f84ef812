// Stands in for CSS and asset imports under jest.
export default {};
