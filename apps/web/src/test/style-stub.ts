/** Stylesheets are imported for their side effect in the browser; in Jest they are nothing. */
export default {};
