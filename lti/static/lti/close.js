// LTI Dynamic Registration: tell the platform that opened us that the registration is done.
window.parent.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
