/** The cadre subpackage's entry: only cadres see the link to it (roles are checked again on the server). */
Component({
  data: {},
});
